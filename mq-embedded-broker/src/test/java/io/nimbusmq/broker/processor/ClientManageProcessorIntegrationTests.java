package io.nimbusmq.broker.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nimbusmq.broker.client.ClientHousekeepingConfig;
import io.nimbusmq.broker.client.ClientHousekeepingService;
import io.nimbusmq.broker.client.ConsumerIdsChangeNotifier;
import io.nimbusmq.broker.client.ConsumerManager;
import io.nimbusmq.broker.client.ProducerManager;
import io.nimbusmq.broker.client.RebalanceLockManager;
import io.nimbusmq.broker.client.SubscriptionValidator;
import io.nimbusmq.remoting.dispatch.ProcessorExecutors;
import io.nimbusmq.remoting.dispatch.ProcessorRegistry;
import io.nimbusmq.remoting.netty.ChannelEventListener;
import io.nimbusmq.remoting.netty.NettyRemotingClient;
import io.nimbusmq.remoting.netty.NettyRemotingServer;
import io.nimbusmq.remoting.netty.RemotingClientConfig;
import io.nimbusmq.remoting.netty.RemotingConfig;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.ResponseCode;
import io.nimbusmq.remoting.protocol.body.RemotingJson;
import io.nimbusmq.remoting.protocol.body.client.ConsumeFromWhere;
import io.nimbusmq.remoting.protocol.body.client.ConsumeType;
import io.nimbusmq.remoting.protocol.body.client.ConsumerData;
import io.nimbusmq.remoting.protocol.body.client.ConsumerListBody;
import io.nimbusmq.remoting.protocol.body.client.HeartbeatData;
import io.nimbusmq.remoting.protocol.body.client.LockBatchRequestBody;
import io.nimbusmq.remoting.protocol.body.client.LockBatchResponseBody;
import io.nimbusmq.remoting.protocol.body.client.MessageModel;
import io.nimbusmq.remoting.protocol.body.client.MessageQueue;
import io.nimbusmq.remoting.protocol.body.client.ProducerData;
import io.nimbusmq.remoting.protocol.body.client.SubscriptionData;
import io.nimbusmq.remoting.protocol.header.ConsumerGroupRequestHeader;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Client management over real sockets: a {@link NettyRemotingServer} wired the way the broker wires it, and
 * {@link NettyRemotingClient}s that heartbeat and receive NOTIFY_CONSUMER_IDS_CHANGED on their own connection.
 */
class ClientManageProcessorIntegrationTests {

    private static final long TIMEOUT_MILLIS = 10_000;
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ExecutorService executor = ProcessorExecutors.bounded("it-client-manage", 4, 1_000);
    private final ExecutorService clientExecutor = ProcessorExecutors.bounded("it-consumer", 2, 1_000);
    private final ConsumerManager consumers;
    private final ProducerManager producers = new ProducerManager();
    private final RebalanceLockManager locks = new RebalanceLockManager();
    private final NettyRemotingServer server;
    private final AtomicReference<NettyRemotingServer> serverRef = new AtomicReference<>();
    private String address;
    private NettyRemotingClient clientA;
    private NettyRemotingClient clientB;
    private final BlockingQueue<String> notifiedA = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> notifiedB = new LinkedBlockingQueue<>();

    ClientManageProcessorIntegrationTests() {
        consumers = new ConsumerManager(new ConsumerIdsChangeNotifier(
                (channel, command) -> serverRef.get().invokeOneway(channel, command)));
        ClientHousekeepingService housekeeping = new ClientHousekeepingService(consumers, producers, locks,
                Clock.systemUTC(), ClientHousekeepingConfig.defaults());
        ProcessorRegistry registry = new ProcessorRegistry()
                .register(new ClientManageProcessor(consumers, producers, group -> {
                }, SubscriptionValidator.PROPERTY_FILTER_DISABLED, Clock.systemUTC()), executor,
                        ClientManageProcessor.requestCodes())
                .register(new LockProcessor(locks, Clock.systemUTC()), executor, LockProcessor.requestCodes());
        server = new NettyRemotingServer(RemotingConfig.defaults().withPort(0), registry, housekeeping);
        serverRef.set(server);
    }

    @BeforeEach
    void start() {
        address = "127.0.0.1:" + server.start().getPort();
        clientA = consumerClient(notifiedA);
        clientB = consumerClient(notifiedB);
    }

    @AfterEach
    void stop() {
        clientA.close();
        clientB.close();
        server.shutdown();
        executor.shutdownNow();
        clientExecutor.shutdownNow();
    }

    @Test
    void membersAreNotifiedWhenTheGroupChanges() throws Exception {
        assertThat(call(clientA, heartbeat("client-a")).code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(notifiedA.poll(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)).isEqualTo("cg");

        call(clientB, heartbeat("client-b"));
        assertThat(notifiedA.poll(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)).isEqualTo("cg");
        assertThat(notifiedB.poll(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)).isEqualTo("cg");

        RemotingCommand list = call(clientA, RemotingCommand.createRequest(RequestCode.GET_CONSUMER_LIST_BY_GROUP)
                .putExtField("consumerGroup", "cg"));
        assertThat(RemotingJson.decode(list.body(), ConsumerListBody.class).consumerIdList())
                .containsExactly("client-a", "client-b");

        clientB.close();
        await().atMost(WAIT).untilAsserted(() -> assertThat(consumers.consumerIds("cg"))
                .containsExactly("client-a"));
        assertThat(notifiedA.poll(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)).isEqualTo("cg");
        assertThat(producers.connections("pg")).hasSize(1);
    }

    @Test
    void locksAreExclusiveAcrossConnections() throws Exception {
        MessageQueue queue = new MessageQueue("T", "broker-a", 0);

        assertThat(lock(clientA, "client-a", queue)).containsExactly(queue);
        assertThat(lock(clientB, "client-b", queue)).isEmpty();
    }

    private Set<MessageQueue> lock(NettyRemotingClient client, String clientId, MessageQueue queue)
            throws Exception {
        RemotingCommand response = call(client, RemotingCommand.createRequest(RequestCode.LOCK_BATCH_MQ)
                .setBody(RemotingJson.encode(new LockBatchRequestBody(clientId, "cgo", Set.of(queue), false))));
        return RemotingJson.decode(response.body(), LockBatchResponseBody.class).lockOKMQSet();
    }

    private RemotingCommand call(NettyRemotingClient client, RemotingCommand request) throws Exception {
        return client.invokeSync(address, request, TIMEOUT_MILLIS).get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    }

    private NettyRemotingClient consumerClient(BlockingQueue<String> notified) {
        ProcessorRegistry registry = new ProcessorRegistry().register((context, request) -> {
            notified.add(ConsumerGroupRequestHeader.readFrom(request).consumerGroup());
            return null;
        }, clientExecutor, RequestCode.NOTIFY_CONSUMER_IDS_CHANGED);
        return new NettyRemotingClient(RemotingClientConfig.defaults(), registry, ChannelEventListener.NONE);
    }

    private static RemotingCommand heartbeat(String clientId) {
        ConsumerData consumer = new ConsumerData("cg", ConsumeType.CONSUME_PASSIVELY, MessageModel.CLUSTERING,
                ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET, Set.of(SubscriptionData.ofTags("T", "*", 1)), false);
        HeartbeatData heartbeat = new HeartbeatData(clientId, Set.of(consumer), Set.of(new ProducerData("pg")), 0,
                false);
        return RemotingCommand.createRequest(RequestCode.HEART_BEAT).setBody(RemotingJson.encode(heartbeat));
    }
}
