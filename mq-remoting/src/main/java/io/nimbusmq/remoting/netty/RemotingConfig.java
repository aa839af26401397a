package io.nimbusmq.remoting.netty;

import io.nimbusmq.remoting.tls.TlsServerConfig;

/**
 * Settings of a {@link NettyRemotingServer}, checked when constructed.
 *
 * @param bindHost            address to listen on; {@code 127.0.0.1} by default, {@code 0.0.0.0} for all interfaces
 * @param port                port to listen on, 0 for an ephemeral one (see {@link NettyRemotingServer#start()})
 * @param maxFrameLengthBytes largest accepted frame, length prefix included; a peer announcing a bigger one is
 *                            disconnected (RocketMQ's {@code com.rocketmq.remoting.frameMaxLength}, 16 MiB)
 * @param idleCloseSeconds    channels with no traffic either way for this long are closed; 0 disables
 * @param workerThreads       Netty I/O threads serving the connections (processors run on their own executors)
 * @param useEpoll            use native epoll when it is available on this machine, NIO otherwise
 * @param tls                 TLS on the port ({@link TlsServerConfig#disabled()} by default)
 */
public record RemotingConfig(String bindHost, int port, int maxFrameLengthBytes, int idleCloseSeconds,
                             int workerThreads, boolean useEpoll, TlsServerConfig tls) {

    public static final String DEFAULT_BIND_HOST = "127.0.0.1";
    public static final int DEFAULT_MAX_FRAME_LENGTH_BYTES = 16 * 1024 * 1024;
    public static final int DEFAULT_IDLE_CLOSE_SECONDS = 120;
    public static final int DEFAULT_WORKER_THREADS = 3;
    /** Frames must hold at least the length prefix and the type-and-length word. */
    public static final int MIN_MAX_FRAME_LENGTH_BYTES = 1024;

    public RemotingConfig {
        tls = tls == null ? TlsServerConfig.disabled() : tls;
        if (bindHost == null || bindHost.isBlank()) {
            throw new IllegalArgumentException("bindHost must not be blank");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be in 0..65535: " + port);
        }
        if (maxFrameLengthBytes < MIN_MAX_FRAME_LENGTH_BYTES) {
            throw new IllegalArgumentException("maxFrameLengthBytes must be at least " + MIN_MAX_FRAME_LENGTH_BYTES
                    + ": " + maxFrameLengthBytes);
        }
        if (idleCloseSeconds < 0) {
            throw new IllegalArgumentException("idleCloseSeconds must not be negative: " + idleCloseSeconds);
        }
        if (workerThreads < 1 || workerThreads > 256) {
            throw new IllegalArgumentException("workerThreads must be in 1..256: " + workerThreads);
        }
    }

    /** Without TLS. */
    public RemotingConfig(String bindHost, int port, int maxFrameLengthBytes, int idleCloseSeconds,
                          int workerThreads, boolean useEpoll) {
        this(bindHost, port, maxFrameLengthBytes, idleCloseSeconds, workerThreads, useEpoll, null);
    }

    /**
     * 127.0.0.1, an ephemeral port, 16 MiB frames, 120 s idle close, 3 I/O threads, epoll when available, no TLS.
     */
    public static RemotingConfig defaults() {
        return new RemotingConfig(DEFAULT_BIND_HOST, 0, DEFAULT_MAX_FRAME_LENGTH_BYTES, DEFAULT_IDLE_CLOSE_SECONDS,
                DEFAULT_WORKER_THREADS, true);
    }

    public RemotingConfig withBindHost(String newBindHost) {
        return new RemotingConfig(newBindHost, port, maxFrameLengthBytes, idleCloseSeconds, workerThreads,
                useEpoll, tls);
    }

    public RemotingConfig withPort(int newPort) {
        return new RemotingConfig(bindHost, newPort, maxFrameLengthBytes, idleCloseSeconds, workerThreads,
                useEpoll, tls);
    }

    public RemotingConfig withMaxFrameLengthBytes(int newMaxFrameLengthBytes) {
        return new RemotingConfig(bindHost, port, newMaxFrameLengthBytes, idleCloseSeconds, workerThreads,
                useEpoll, tls);
    }

    public RemotingConfig withIdleCloseSeconds(int newIdleCloseSeconds) {
        return new RemotingConfig(bindHost, port, maxFrameLengthBytes, newIdleCloseSeconds, workerThreads,
                useEpoll, tls);
    }

    public RemotingConfig withWorkerThreads(int newWorkerThreads) {
        return new RemotingConfig(bindHost, port, maxFrameLengthBytes, idleCloseSeconds, newWorkerThreads,
                useEpoll, tls);
    }

    public RemotingConfig withUseEpoll(boolean newUseEpoll) {
        return new RemotingConfig(bindHost, port, maxFrameLengthBytes, idleCloseSeconds, workerThreads,
                newUseEpoll, tls);
    }

    public RemotingConfig withTls(TlsServerConfig newTls) {
        return new RemotingConfig(bindHost, port, maxFrameLengthBytes, idleCloseSeconds, workerThreads, useEpoll,
                newTls);
    }
}
