package io.nimbusmq.broker.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.ssl.SslContext;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RemotingCommandCodec;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.ResponseCode;
import io.nimbusmq.remoting.tls.SslContexts;
import io.nimbusmq.remoting.tls.TlsClientConfig;
import io.nimbusmq.remoting.tls.TlsMode;
import io.nimbusmq.remoting.tls.TlsServerConfig;
import io.nimbusmq.testkit.TestCertificates;

/**
 * The broker's CPU cost of TLS per message, without the noise of a shared machine: the server's work on one sync send
 * of a 1 KiB message, i.e. decrypting the request frame (SEND_MESSAGE_V2 with the official client's header fields) and
 * encrypting the answer, with the broker's own TLS set-up ({@link SslContexts}, the JDK's TLS unless netty-tcnative is
 * on the class path) after the handshake, measured as this thread's CPU time: the engine alone, and a Netty pipeline
 * like the broker's (frame decoder and an answering handler) with and without the TLS handler, which adds Netty's
 * buffer handling to the engine's work. The handshake itself is measured once per connection. The first round includes JIT compilation. Run:
 * {@code java -cp <test classpath> io.nimbusmq.broker.benchmark.TlsCostBenchmark [rounds]} (default 6).
 */
public final class TlsCostBenchmark {

    private static final int MESSAGES = Integer.getInteger("messages", 100_000);

    private TlsCostBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("tls-cost-");
        TestCertificates.Pem certificate = TestCertificates.selfSigned(dir, "broker");
        SslContext server = SslContexts.forServer(TlsServerConfig.of(TlsMode.ENFORCING, certificate.certificate(),
                certificate.privateKey()));
        SslContext client = SslContexts.forClient(TlsClientConfig.trustingAnyServer());
        byte[] request = RemotingCommandCodec.encodeToBytes(AclCostBenchmark.sendMessageV2(1024));
        byte[] response = RemotingCommandCodec.encodeToBytes(RemotingCommand.createResponse(
                RemotingCommand.createRequest(RequestCode.SEND_MESSAGE_V2), ResponseCode.SUCCESS, null)
                .putExtField("msgId", "7F00000100002A9F0000000000001234").putExtField("queueId", 1)
                .putExtField("queueOffset", 123456).putExtField("MSG_REGION", "DefaultRegion")
                .putExtField("TRACE_ON", true));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.out.printf("provider %s, request frame %d B, response frame %d B%n", SslContexts.provider(),
                request.length, response.length);
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        for (int round = 1; round <= rounds; round++) {
            SSLEngine serverEngine = server.newEngine(ByteBufAllocator.DEFAULT);
            SSLEngine clientEngine = client.newEngine(ByteBufAllocator.DEFAULT, "127.0.0.1", 10911);
            long handshakeCpu = handshake(clientEngine, serverEngine, threads);
            ByteBuffer packet = ByteBuffer.allocate(clientEngine.getSession().getPacketBufferSize());
            List<ByteBuffer> records = new ArrayList<>(MESSAGES);
            for (int i = 0; i < MESSAGES; i++) {
                packet.clear();
                check(clientEngine.wrap(ByteBuffer.wrap(request), packet));
                records.add(ByteBuffer.allocate(packet.flip().remaining()).put(packet).flip());
            }
            long before = threads.getCurrentThreadCpuTime();
            ByteBuffer plain = ByteBuffer.allocate(serverEngine.getSession().getApplicationBufferSize());
            for (ByteBuffer record : records) {
                plain.clear();
                check(serverEngine.unwrap(record, plain));
            }
            long decrypted = threads.getCurrentThreadCpuTime();
            ByteBuffer answer = ByteBuffer.wrap(response);
            for (int i = 0; i < MESSAGES; i++) {
                packet.clear();
                check(serverEngine.wrap(answer.rewind(), packet));
            }
            long encrypted = threads.getCurrentThreadCpuTime();
            System.out.printf("round %d: %s, handshake %.0f us CPU (both sides); per message: decrypt request %.2f us,"
                    + " encrypt answer %.2f us, together %.2f us CPU; through Netty's pipeline: plain %.2f us, TLS"
                    + " %.2f us%n", round, serverEngine.getSession().getProtocol() + " "
                    + serverEngine.getSession().getCipherSuite(), handshakeCpu / 1e3,
                    (decrypted - before) / 1e3 / MESSAGES, (encrypted - decrypted) / 1e3 / MESSAGES,
                    (encrypted - before) / 1e3 / MESSAGES, pipelineMicros(null, null, request, response, threads),
                    pipelineMicros(server, client, request, response, threads));
        }
    }

    /**
     * Server CPU per message through a Netty pipeline like the broker's (TLS if {@code server} is given, the frame
     * decoder, a handler answering each frame): the client's records are made first, then fed to the server channel
     * and its answers taken, on this thread.
     */
    private static double pipelineMicros(SslContext server, SslContext client, byte[] request, byte[] response,
            ThreadMXBean threads) {
        EmbeddedChannel serverChannel = new EmbeddedChannel();
        EmbeddedChannel clientChannel = new EmbeddedChannel();
        if (server != null) {
            serverChannel.pipeline().addLast(server.newHandler(serverChannel.alloc()));
            clientChannel.pipeline().addLast(client.newHandler(clientChannel.alloc(), "127.0.0.1", 10911));
            for (int i = 0; i < 20; i++) {
                pump(clientChannel, serverChannel);
                pump(serverChannel, clientChannel);
            }
        }
        serverChannel.pipeline().addLast(new LengthFieldBasedFrameDecoder(1 << 20, 0, 4, 0, 4),
                new SimpleChannelInboundHandler<ByteBuf>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, ByteBuf frame) {
                        ctx.writeAndFlush(Unpooled.wrappedBuffer(response));
                    }
                });
        List<ByteBuf> records = new ArrayList<>(MESSAGES);
        for (int i = 0; i < MESSAGES; i++) {
            clientChannel.writeAndFlush(Unpooled.wrappedBuffer(request));
            ByteBuf out;
            while ((out = clientChannel.readOutbound()) != null) {
                records.add(out);
            }
        }
        long before = threads.getCurrentThreadCpuTime();
        for (ByteBuf record : records) {
            serverChannel.writeInbound(record);
            ByteBuf answer;
            while ((answer = serverChannel.readOutbound()) != null) {
                answer.release();
            }
        }
        long after = threads.getCurrentThreadCpuTime();
        serverChannel.finishAndReleaseAll();
        clientChannel.finishAndReleaseAll();
        return (after - before) / 1e3 / MESSAGES;
    }

    private static void pump(EmbeddedChannel from, EmbeddedChannel to) {
        ByteBuf bytes;
        while ((bytes = from.readOutbound()) != null) {
            to.writeInbound(bytes);
        }
    }

    private static void check(SSLEngineResult result) {
        if (result.getStatus() != SSLEngineResult.Status.OK) {
            throw new IllegalStateException("TLS: " + result);
        }
    }

    /** Runs the handshake between the two engines in memory; returns the CPU time it took (both sides). */
    private static long handshake(SSLEngine client, SSLEngine server, ThreadMXBean threads) throws Exception {
        long start = threads.getCurrentThreadCpuTime();
        client.beginHandshake();
        server.beginHandshake();
        ByteBuffer toServer = ByteBuffer.allocate(1 << 17);
        ByteBuffer toClient = ByteBuffer.allocate(1 << 17);
        ByteBuffer sink = ByteBuffer.allocate(1 << 17);
        while (!done(client) || !done(server)) {
            step(client, toClient, toServer, sink);
            step(server, toServer, toClient, sink);
        }
        return threads.getCurrentThreadCpuTime() - start;
    }

    private static boolean done(SSLEngine engine) {
        SSLEngineResult.HandshakeStatus status = engine.getHandshakeStatus();
        return status == SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING
                || status == SSLEngineResult.HandshakeStatus.FINISHED;
    }

    /** One move of {@code engine}: run its tasks, read what arrived in {@code in}, write to {@code out}. */
    private static void step(SSLEngine engine, ByteBuffer in, ByteBuffer out, ByteBuffer sink) throws SSLException {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
        }
        in.flip();
        while (in.hasRemaining() && engine.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_UNWRAP) {
            sink.clear();
            if (engine.unwrap(in, sink).getStatus() != SSLEngineResult.Status.OK) {
                break;
            }
            while ((task = engine.getDelegatedTask()) != null) {
                task.run();
            }
        }
        in.compact();
        while (engine.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_WRAP) {
            engine.wrap(ByteBuffer.allocate(0), out);
        }
    }
}
