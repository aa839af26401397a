package io.nimbusmq.remoting.netty;

import io.netty.channel.Channel;
import io.nimbusmq.remoting.dispatch.ProcessorExecutors;
import io.nimbusmq.remoting.dispatch.ProcessorRegistry;
import io.nimbusmq.remoting.dispatch.RequestContext;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.ResponseCode;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A running {@link NettyRemotingServer} on 127.0.0.1 with test processors, plus clients that answer
 * server-initiated requests. Everything it started is stopped by {@link #close()}.
 */
final class RemotingTestFixture implements AutoCloseable {

    /** Answers SUCCESS echoing ext fields and body. */
    static final int ECHO = 9001;
    /** Throws IllegalStateException("boom"). */
    static final int FAIL = 9002;
    /** Needs ext {@code topic} and an int {@code queueId}. */
    static final int NEEDS_HEADER = 9003;
    /** Answers nothing now; the context is queued in {@link #deferred} to be answered later. */
    static final int DEFERRED = 9004;
    /** Records the request in {@link #sunk} and returns a response (which must be dropped if oneway). */
    static final int SINK = 9005;
    /** Answers SUCCESS on the same single-thread executor as {@link #SINK}. */
    static final int SINK_PROBE = 9006;
    /** Queues the caller's server-side channel in {@link #helloChannels}. */
    static final int HELLO = 9007;

    final RecordingChannelListener serverEvents = new RecordingChannelListener();
    final BlockingQueue<RequestContext> deferred = new LinkedBlockingQueue<>();
    final BlockingQueue<RemotingCommand> sunk = new LinkedBlockingQueue<>();
    final BlockingQueue<Channel> helloChannels = new LinkedBlockingQueue<>();
    /** Server-initiated requests the clients received. */
    final BlockingQueue<RemotingCommand> clientReceived = new LinkedBlockingQueue<>();
    final NettyRemotingServer server;
    final InetSocketAddress socketAddress;
    final String address;

    private final ExecutorService executor = ProcessorExecutors.bounded("it-processor", 8, 10_000);
    private final ExecutorService ordered = ProcessorExecutors.bounded("it-ordered", 1, 1_000);
    private final ExecutorService clientExecutor = ProcessorExecutors.bounded("it-client-processor", 2, 1_000);
    private final List<NettyRemotingClient> clients = new CopyOnWriteArrayList<>();

    RemotingTestFixture(RemotingConfig config) {
        server = new NettyRemotingServer(config, serverRegistry(), serverEvents);
        socketAddress = server.start();
        address = "127.0.0.1:" + socketAddress.getPort();
    }

    RemotingTestFixture() {
        this(RemotingConfig.defaults());
    }

    private ProcessorRegistry serverRegistry() {
        return new ProcessorRegistry()
                .register((ctx, request) -> RemotingCommand.createResponse(request, ResponseCode.SUCCESS, null)
                        .setExtFields(request.extFields()).setBody(request.body()), executor, ECHO)
                .register((ctx, request) -> {
                    throw new IllegalStateException("boom");
                }, executor, FAIL)
                .register((ctx, request) -> RemotingCommand.createResponse(request, ResponseCode.SUCCESS,
                        request.requiredString("topic") + "/" + request.requiredInt("queueId")), executor, NEEDS_HEADER)
                .register((ctx, request) -> {
                    deferred.add(ctx);
                    return null;
                }, executor, DEFERRED)
                .register((ctx, request) -> {
                    if (request.code() == SINK) {
                        sunk.add(request);
                    }
                    return RemotingCommand.createResponse(request, ResponseCode.SUCCESS, "code " + request.code());
                }, ordered, SINK, SINK_PROBE)
                .register((ctx, request) -> {
                    helloChannels.add(ctx.channel());
                    return RemotingCommand.createResponse(request, ResponseCode.SUCCESS, null);
                }, executor, HELLO);
    }

    private ProcessorRegistry clientRegistry() {
        return new ProcessorRegistry()
                .register((ctx, request) -> {
                    clientReceived.add(request);
                    return RemotingCommand.createResponse(request, ResponseCode.SUCCESS, null)
                            .setBody(("running " + request.optionalString("clientId")).getBytes(StandardCharsets.UTF_8));
                }, clientExecutor, RequestCode.GET_CONSUMER_RUNNING_INFO)
                .register((ctx, request) -> {
                    clientReceived.add(request);
                    return null;
                }, clientExecutor, RequestCode.NOTIFY_CONSUMER_IDS_CHANGED, RequestCode.CHECK_TRANSACTION_STATE);
    }

    /** A client that answers GET_CONSUMER_RUNNING_INFO and records NOTIFY_CONSUMER_IDS_CHANGED. */
    NettyRemotingClient newClient() {
        NettyRemotingClient client = new NettyRemotingClient(RemotingClientConfig.defaults(), clientRegistry(),
                ChannelEventListener.NONE);
        clients.add(client);
        return client;
    }

    static RemotingCommand echoRequest(int sequence) {
        return RemotingCommand.createRequest(ECHO).putExtField("seq", sequence)
                .setBody(("body-" + sequence).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        clients.forEach(NettyRemotingClient::close);
        executor.shutdownNow();
        ordered.shutdownNow();
        clientExecutor.shutdownNow();
        server.shutdown();
    }
}
