package io.nimbusmq.namesrv;

import io.nimbusmq.remoting.RemotingAddresses;
import io.nimbusmq.remoting.dispatch.ProcessorExecutors;
import io.nimbusmq.remoting.dispatch.ProcessorRegistry;
import io.nimbusmq.remoting.dispatch.RequestPreprocessor;
import io.nimbusmq.remoting.netty.NettyRemotingServer;
import io.nimbusmq.remoting.netty.RemotingConfig;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A {@link NameServer} on its own port, with its own {@link NettyRemotingServer} and processor executor. Create it
 * with {@link NameServer#standalone(RemotingConfig)}; {@link #start()} binds (port 0 picks a free port) and returns
 * the bound address. Closing it stops the server, the executor and the housekeeping thread.
 */
public final class StandaloneNameServer implements AutoCloseable {

    /** RocketMQ's name-server port. */
    public static final int DEFAULT_PORT = 9876;

    private static final int PROCESSOR_THREADS = 4;
    private static final int PROCESSOR_QUEUE_CAPACITY = 10_000;

    private final NameServer nameServer;
    private final ExecutorService executor;
    private final NettyRemotingServer server;
    private boolean stopped;

    StandaloneNameServer(RemotingConfig remotingConfig, NameServer nameServer, RequestPreprocessor preprocessor) {
        this.nameServer = nameServer;
        this.executor = ProcessorExecutors.bounded("nimbus-namesrv", PROCESSOR_THREADS, PROCESSOR_QUEUE_CAPACITY);
        ProcessorRegistry registry = new ProcessorRegistry().preprocessor(preprocessor);
        nameServer.registerProcessors(registry, executor);
        this.server = new NettyRemotingServer(remotingConfig, registry, nameServer.channelEventListener());
    }

    /**
     * Binds and starts serving, and starts housekeeping.
     *
     * @return the bound address
     * @throws IllegalStateException when already started, or the address cannot be bound
     */
    public synchronized InetSocketAddress start() {
        InetSocketAddress bound = server.start();
        nameServer.start();
        return bound;
    }

    /** {@code "ip:port"} of the bound address, as brokers and clients are configured with; null before start. */
    public String address() {
        InetSocketAddress bound = server.localAddress();
        return bound == null ? null : RemotingAddresses.toAddress(bound);
    }

    public NameServer nameServer() {
        return nameServer;
    }

    /** Stops serving, then the processors and housekeeping. Idempotent. */
    public synchronized void shutdown() {
        if (stopped) {
            return;
        }
        stopped = true;
        server.shutdown();
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        nameServer.shutdown();
    }

    @Override
    public void close() {
        shutdown();
    }
}
