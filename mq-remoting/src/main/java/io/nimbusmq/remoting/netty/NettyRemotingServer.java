package io.nimbusmq.remoting.netty;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.nimbusmq.remoting.dispatch.ProcessorRegistry;
import io.nimbusmq.remoting.dispatch.RequestDispatcher;
import io.nimbusmq.remoting.dispatch.ResponseTable;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.tls.SslContexts;
import io.nimbusmq.remoting.tls.TlsMode;
import io.nimbusmq.remoting.tls.TlsServerConfig;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TCP side of a broker or name server: accepts connections, decodes frames, and dispatches requests to the
 * processors of a {@link ProcessorRegistry}; it can also send requests to a connected client on that client's own
 * channel ({@link #invokeSync}, {@link #invokeOneway}), as brokers do for CHECK_TRANSACTION_STATE or
 * GET_CONSUMER_RUNNING_INFO.
 *
 * <p>Threads: one acceptor thread and {@link RemotingConfig#workerThreads()} I/O threads (native epoll when
 * available and enabled, NIO otherwise); processors run on the executors they were registered with, which the
 * server does not own. TLS ({@link RemotingConfig#tls()}): disabled, permissive (TLS and plain clients on the port)
 * or enforcing; see {@link TlsHandlers}. Lifecycle: {@link #start()} once, {@link #shutdown()} once (later calls do nothing).
 *
 * <p>{@link #listenAlso(int)} opens further ports served exactly like the first one (same processors, TLS, channel
 * events and server-initiated requests): a RocketMQ broker's "VIP channel" on its port − 2.
 */
public final class NettyRemotingServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(NettyRemotingServer.class);
    private static final long SHUTDOWN_TIMEOUT_MILLIS = 5_000;

    private final RemotingConfig config;
    private final ProcessorRegistry registry;
    private final ResponseTable responseTable = new ResponseTable();
    private final ChannelInvoker invoker = new ChannelInvoker(responseTable);
    private final ChannelGroup channels = new DefaultChannelGroup("remoting-server", GlobalEventExecutor.INSTANCE);
    private final ConnectionEventHandler connectionEvents;

    private EventLoopGroup acceptorGroup;
    private EventLoopGroup ioGroup;
    private ServerBootstrap bootstrap;
    private Channel serverChannel;
    private final List<Channel> extraServerChannels = new ArrayList<>();
    private volatile InetSocketAddress localAddress;
    private boolean started;
    private boolean stopped;

    public NettyRemotingServer(RemotingConfig config, ProcessorRegistry registry, ChannelEventListener listener) {
        this.config = config;
        this.registry = registry;
        this.connectionEvents = new ConnectionEventHandler(listener, responseTable);
    }

    public NettyRemotingServer(RemotingConfig config, ProcessorRegistry registry) {
        this(config, registry, ChannelEventListener.NONE);
    }

    /**
     * Seals the registry, binds and starts serving.
     *
     * @return the bound address, with the actual port when {@link RemotingConfig#port()} was 0
     * @throws IllegalStateException when already started or stopped, or the address cannot be bound
     */
    public synchronized InetSocketAddress start() {
        if (started || stopped) {
            throw new IllegalStateException("remoting server can be started only once");
        }
        started = true;
        registry.seal();
        NettyTransport transport = NettyTransport.select(config.useEpoll());
        acceptorGroup = transport.newEventLoopGroup(1, "nimbus-remoting-acceptor");
        ioGroup = transport.newEventLoopGroup(config.workerThreads(), "nimbus-remoting-io");
        RequestDispatcher dispatcher = new RequestDispatcher(registry, responseTable);
        TlsServerConfig tls = config.tls();
        SslContext sslContext = tls.mode() == TlsMode.DISABLED ? null : SslContexts.forServer(tls);
        bootstrap = new ServerBootstrap()
                .group(acceptorGroup, ioGroup)
                .channel(transport.serverChannelType())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new RemotingChannelInitializer(config.maxFrameLengthBytes(), config.idleCloseSeconds(),
                        connectionEvents, dispatcher, channel -> {
                            channels.add(channel);
                            TlsHandlers.addServerTls(channel, tls.mode(), sslContext, tls.handshakeTimeoutMillis());
                        }));
        try {
            serverChannel = bootstrap.bind(config.bindHost(), config.port()).syncUninterruptibly().channel();
        } catch (Exception e) {
            stopEventLoops();
            stopped = true;
            throw new IllegalStateException("cannot bind remoting server to " + config.bindHost() + ":"
                    + config.port(), e);
        }
        localAddress = (InetSocketAddress) serverChannel.localAddress();
        log.info("Remoting server listening on {} ({} transport, {} I/O threads, TLS {}{})", localAddress,
                transport.name(), config.workerThreads(), tls.mode(),
                sslContext == null ? "" : " via " + SslContexts.provider());
        return localAddress;
    }

    /**
     * Listens on one more port of the same interface, served like the first one.
     *
     * @return the bound address
     * @throws IllegalStateException when the server is not running or the port cannot be bound
     */
    public synchronized InetSocketAddress listenAlso(int port) {
        if (!started || stopped) {
            throw new IllegalStateException("the remoting server is not running");
        }
        Channel channel;
        try {
            channel = bootstrap.bind(config.bindHost(), port).syncUninterruptibly().channel();
        } catch (Exception e) {
            throw new IllegalStateException("cannot bind remoting server to " + config.bindHost() + ":" + port, e);
        }
        extraServerChannels.add(channel);
        InetSocketAddress bound = (InetSocketAddress) channel.localAddress();
        log.info("Remoting server also listening on {}", bound);
        return bound;
    }

    /** The bound address, or {@code null} before {@link #start()}. */
    public InetSocketAddress localAddress() {
        return localAddress;
    }

    /** How many client connections are open. */
    public int connectionCount() {
        return channels.size();
    }

    /** How many server-initiated requests still wait for their response. */
    public int pendingResponseCount() {
        return responseTable.pendingCount();
    }

    /**
     * Sends {@code request} to the client on {@code channel} and waits, without blocking, for its response.
     *
     * @return completes with the client's response (whatever its code), or exceptionally with
     *     {@link io.nimbusmq.remoting.RemotingTimeoutException}, {@link io.nimbusmq.remoting.RemotingSendException}
     *     or {@link io.nimbusmq.remoting.RemotingConnectException}; completes on a Netty I/O thread
     */
    public CompletableFuture<RemotingCommand> invokeSync(Channel channel, RemotingCommand request,
                                                         long timeoutMillis) {
        return invoker.invokeSync(channel, request, timeoutMillis);
    }

    /**
     * Sends {@code request} to the client on {@code channel}, marked oneway; nothing comes back.
     *
     * @return completes once the request is written, or exceptionally with
     *     {@link io.nimbusmq.remoting.RemotingSendException}
     */
    public CompletableFuture<Void> invokeOneway(Channel channel, RemotingCommand request) {
        return invoker.invokeOneway(channel, request);
    }

    /**
     * Stops accepting, closes every connection, fails pending server-initiated requests and stops the I/O threads,
     * waiting up to a few seconds. Processor executors are left to their owner.
     */
    public synchronized void shutdown() {
        if (stopped) {
            return;
        }
        stopped = true;
        if (serverChannel != null) {
            serverChannel.close().awaitUninterruptibly(SHUTDOWN_TIMEOUT_MILLIS);
        }
        extraServerChannels.forEach(channel -> channel.close().awaitUninterruptibly(SHUTDOWN_TIMEOUT_MILLIS));
        channels.close().awaitUninterruptibly(SHUTDOWN_TIMEOUT_MILLIS);
        responseTable.failAll("remoting server shut down");
        stopEventLoops();
        log.info("Remoting server on {} stopped", localAddress);
    }

    @Override
    public void close() {
        shutdown();
    }

    private void stopEventLoops() {
        if (acceptorGroup != null) {
            acceptorGroup.shutdownGracefully(0, SHUTDOWN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        }
        if (ioGroup != null) {
            ioGroup.shutdownGracefully(0, SHUTDOWN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
                    .awaitUninterruptibly(SHUTDOWN_TIMEOUT_MILLIS);
        }
        if (acceptorGroup != null) {
            acceptorGroup.terminationFuture().awaitUninterruptibly(SHUTDOWN_TIMEOUT_MILLIS);
        }
    }
}
