package io.nimbusmq.remoting.netty;

import io.nimbusmq.remoting.tls.TlsClientConfig;

/**
 * Settings of a {@link NettyRemotingClient}, checked when constructed.
 *
 * @param connectTimeoutMillis how long opening a connection may take
 * @param maxFrameLengthBytes  largest accepted frame, length prefix included; a bigger one closes the connection
 * @param idleCloseSeconds     connections with no traffic either way for this long are closed (and reopened on the
 *                             next call); 0 disables
 * @param workerThreads        Netty I/O threads
 * @param useEpoll             use native epoll when it is available on this machine, NIO otherwise
 * @param tls                  TLS on the connections ({@link TlsClientConfig#disabled()} by default)
 */
public record RemotingClientConfig(int connectTimeoutMillis, int maxFrameLengthBytes, int idleCloseSeconds,
                                   int workerThreads, boolean useEpoll, TlsClientConfig tls) {

    public static final int DEFAULT_CONNECT_TIMEOUT_MILLIS = 3000;
    public static final int DEFAULT_WORKER_THREADS = 1;

    public RemotingClientConfig {
        tls = tls == null ? TlsClientConfig.disabled() : tls;
        if (connectTimeoutMillis < 1) {
            throw new IllegalArgumentException("connectTimeoutMillis must be positive: " + connectTimeoutMillis);
        }
        if (maxFrameLengthBytes < RemotingConfig.MIN_MAX_FRAME_LENGTH_BYTES) {
            throw new IllegalArgumentException("maxFrameLengthBytes must be at least "
                    + RemotingConfig.MIN_MAX_FRAME_LENGTH_BYTES + ": " + maxFrameLengthBytes);
        }
        if (idleCloseSeconds < 0) {
            throw new IllegalArgumentException("idleCloseSeconds must not be negative: " + idleCloseSeconds);
        }
        if (workerThreads < 1 || workerThreads > 256) {
            throw new IllegalArgumentException("workerThreads must be in 1..256: " + workerThreads);
        }
    }

    /** Without TLS. */
    public RemotingClientConfig(int connectTimeoutMillis, int maxFrameLengthBytes, int idleCloseSeconds,
                                int workerThreads, boolean useEpoll) {
        this(connectTimeoutMillis, maxFrameLengthBytes, idleCloseSeconds, workerThreads, useEpoll, null);
    }

    /** 3 s connect timeout, 16 MiB frames, 120 s idle close, 1 I/O thread, epoll when available. */
    public static RemotingClientConfig defaults() {
        return new RemotingClientConfig(DEFAULT_CONNECT_TIMEOUT_MILLIS, RemotingConfig.DEFAULT_MAX_FRAME_LENGTH_BYTES,
                RemotingConfig.DEFAULT_IDLE_CLOSE_SECONDS, DEFAULT_WORKER_THREADS, true);
    }

    public RemotingClientConfig withConnectTimeoutMillis(int newConnectTimeoutMillis) {
        return new RemotingClientConfig(newConnectTimeoutMillis, maxFrameLengthBytes, idleCloseSeconds, workerThreads,
                useEpoll, tls);
    }

    public RemotingClientConfig withIdleCloseSeconds(int newIdleCloseSeconds) {
        return new RemotingClientConfig(connectTimeoutMillis, maxFrameLengthBytes, newIdleCloseSeconds, workerThreads,
                useEpoll, tls);
    }

    public RemotingClientConfig withUseEpoll(boolean newUseEpoll) {
        return new RemotingClientConfig(connectTimeoutMillis, maxFrameLengthBytes, idleCloseSeconds, workerThreads,
                newUseEpoll, tls);
    }

    public RemotingClientConfig withTls(TlsClientConfig newTls) {
        return new RemotingClientConfig(connectTimeoutMillis, maxFrameLengthBytes, idleCloseSeconds, workerThreads,
                useEpoll, newTls);
    }
}
