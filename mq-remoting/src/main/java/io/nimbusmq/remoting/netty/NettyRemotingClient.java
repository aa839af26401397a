package io.nimbusmq.remoting.netty;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.ssl.SslContext;
import io.nimbusmq.remoting.RemotingAddresses;
import io.nimbusmq.remoting.RemotingConnectException;
import io.nimbusmq.remoting.RemotingTimeoutException;
import io.nimbusmq.remoting.dispatch.ProcessorRegistry;
import io.nimbusmq.remoting.dispatch.RequestDispatcher;
import io.nimbusmq.remoting.dispatch.ResponseTable;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.tls.SslContexts;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A remoting client: one connection per {@code "host:port"} address, opened on first use and reopened after it
 * closes. Requests the server sends back on that connection (e.g. NOTIFY_CONSUMER_IDS_CHANGED) are dispatched to the
 * processors of the client's own {@link ProcessorRegistry}, exactly as on the server.
 *
 * <p>With {@link RemotingClientConfig#tls()} enabled every connection speaks TLS; a request is written once the
 * connection is up, and Netty's SslHandler holds it until the handshake is done.
 *
 * <p>A burst of requests on one connection goes out in one socket write ({@link QueuedFlushCoalescer}); a lone
 * request is flushed at once.
 *
 * <p>All methods are thread-safe and non-blocking except {@link #close()}. Futures complete on Netty I/O threads.
 */
public final class NettyRemotingClient implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(NettyRemotingClient.class);
    private static final long SHUTDOWN_TIMEOUT_MILLIS = 5_000;

    private final ResponseTable responseTable = new ResponseTable();
    private final ChannelInvoker invoker = new ChannelInvoker(responseTable);
    private final ConcurrentHashMap<String, ChannelFuture> connections = new ConcurrentHashMap<>();
    private final Object connectLock = new Object();
    private final EventLoopGroup ioGroup;
    private final Bootstrap bootstrap;
    private volatile boolean closed;

    public NettyRemotingClient(RemotingClientConfig config, ProcessorRegistry registry,
                               ChannelEventListener listener) {
        registry.seal();
        NettyTransport transport = NettyTransport.select(config.useEpoll());
        ioGroup = transport.newEventLoopGroup(config.workerThreads(), "nimbus-client-io");
        RequestDispatcher dispatcher = new RequestDispatcher(registry, responseTable);
        SslContext sslContext = config.tls().enabled() ? SslContexts.forClient(config.tls()) : null;
        long handshakeTimeoutMillis = Math.max(config.connectTimeoutMillis(), 1_000);
        bootstrap = new Bootstrap()
                .group(ioGroup)
                .channel(transport.channelType())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, config.connectTimeoutMillis())
                .handler(new RemotingChannelInitializer(config.maxFrameLengthBytes(), config.idleCloseSeconds(),
                        new ConnectionEventHandler(listener, responseTable), dispatcher, channel -> {
                            if (sslContext != null) {
                                TlsHandlers.addClientTls(channel, sslContext, handshakeTimeoutMillis);
                            }
                            channel.pipeline().addLast("flushCoalescer", new QueuedFlushCoalescer());
                        }));
    }

    /** A client that serves no server-initiated requests (they are answered REQUEST_CODE_NOT_SUPPORTED). */
    public NettyRemotingClient(RemotingClientConfig config) {
        this(config, new ProcessorRegistry(), ChannelEventListener.NONE);
    }

    /**
     * The open connection to {@code address}, opening it if needed.
     *
     * @return completes with the channel, or exceptionally with {@link RemotingConnectException}
     * @throws IllegalArgumentException when {@code address} is not {@code host:port}
     */
    public CompletableFuture<Channel> connect(String address) {
        if (closed) {
            return CompletableFuture.failedFuture(new RemotingConnectException("remoting client is closed"));
        }
        ChannelFuture connection = connectionTo(address);
        CompletableFuture<Channel> result = new CompletableFuture<>();
        connection.addListener(done -> {
            if (done.isSuccess()) {
                result.complete(connection.channel());
            } else {
                connections.remove(address, connection);
                result.completeExceptionally(new RemotingConnectException("cannot connect to " + address + ": "
                        + done.cause(), done.cause()));
            }
        });
        return result;
    }

    /**
     * Sends {@code request} to {@code address} and waits, without blocking, for the response.
     *
     * @param timeoutMillis covers connecting and the round trip
     * @return completes with the response, or exceptionally with a {@link io.nimbusmq.remoting.RemotingException}
     */
    public CompletableFuture<RemotingCommand> invokeSync(String address, RemotingCommand request,
                                                         long timeoutMillis) {
        if (timeoutMillis <= 0) {
            throw new IllegalArgumentException("timeoutMillis must be positive: " + timeoutMillis);
        }
        long deadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        return onChannel(address, channel -> {
            long remainingMillis = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
            if (remainingMillis <= 0) {
                return CompletableFuture.failedFuture(new RemotingTimeoutException("connecting to " + address
                        + " used up the whole timeout of " + timeoutMillis + " ms", timeoutMillis));
            }
            return invoker.invokeSync(channel, request, remainingMillis);
        });
    }

    /** Sends {@code request} to {@code address}, marked oneway; completes once it is written. */
    public CompletableFuture<Void> invokeOneway(String address, RemotingCommand request) {
        return onChannel(address, channel -> invoker.invokeOneway(channel, request));
    }

    /** Closes the connection to {@code address}, if any; the next call reopens it. */
    public void closeConnection(String address) {
        ChannelFuture connection = connections.remove(address);
        if (connection != null) {
            connection.channel().close();
        }
    }

    /** How many requests still wait for their response. */
    public int pendingResponseCount() {
        return responseTable.pendingCount();
    }

    /** Closes every connection, fails waiting requests and stops the I/O threads. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        connections.values().forEach(connection -> connection.channel().close());
        connections.clear();
        responseTable.failAll("remoting client closed");
        ioGroup.shutdownGracefully(0, SHUTDOWN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
                .awaitUninterruptibly(SHUTDOWN_TIMEOUT_MILLIS);
        log.debug("Remoting client closed");
    }

    private <T> CompletableFuture<T> onChannel(String address, Function<Channel, CompletableFuture<T>> call) {
        CompletableFuture<T> result = new CompletableFuture<>();
        connect(address).thenCompose(call).whenComplete((value, failure) -> {
            if (failure == null) {
                result.complete(value);
            } else {
                result.completeExceptionally(failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure);
            }
        });
        return result;
    }

    private static boolean isUsable(ChannelFuture connection) {
        return connection != null
                && (!connection.isDone() || connection.isSuccess() && connection.channel().isActive());
    }

    private ChannelFuture connectionTo(String address) {
        ChannelFuture existing = connections.get(address);
        if (isUsable(existing)) {
            return existing;
        }
        synchronized (connectLock) {
            existing = connections.get(address);
            if (isUsable(existing)) {
                return existing;
            }
            ChannelFuture connection = bootstrap.connect(RemotingAddresses.parse(address));
            connections.put(address, connection);
            connection.channel().closeFuture().addListener(closedFuture -> connections.remove(address, connection));
            return connection;
        }
    }
}
