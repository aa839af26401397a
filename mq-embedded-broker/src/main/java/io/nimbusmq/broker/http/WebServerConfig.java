package io.nimbusmq.broker.http;

import javax.net.ssl.SSLContext;

/**
 * Where and how the HTTP server listens.
 *
 * @param bindHost the interface; {@code 127.0.0.1} keeps it to this machine
 * @param port the port; 0 picks a free one
 * @param threads handler threads
 * @param maxRequestBytes the largest request body accepted; a larger one is answered 413 unread
 * @param sslContext HTTPS with this context, or null for plain HTTP
 */
public record WebServerConfig(String bindHost, int port, int threads, int maxRequestBytes, SSLContext sslContext) {

    public static final int DEFAULT_MAX_REQUEST_BYTES = 1024 * 1024;

    public WebServerConfig {
        bindHost = bindHost == null || bindHost.isBlank() ? "127.0.0.1" : bindHost.trim();
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be in 0..65535: " + port);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        if (maxRequestBytes < 1) {
            throw new IllegalArgumentException("maxRequestBytes must be positive: " + maxRequestBytes);
        }
    }

    /** Plain HTTP on {@code bindHost:port}, two threads, 1 MiB request bodies. */
    public static WebServerConfig of(String bindHost, int port) {
        return new WebServerConfig(bindHost, port, 2, DEFAULT_MAX_REQUEST_BYTES, null);
    }

    public WebServerConfig withSslContext(SSLContext value) {
        return new WebServerConfig(bindHost, port, threads, maxRequestBytes, value);
    }

    public WebServerConfig withMaxRequestBytes(int value) {
        return new WebServerConfig(bindHost, port, threads, value, sslContext);
    }
}
