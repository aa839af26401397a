package io.nimbusmq.broker.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.nimbusmq.remoting.RateLimitedLog;
import io.nimbusmq.remoting.dispatch.ProcessorExecutors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small HTTP(S) server on the JDK's {@code com.sun.net.httpserver}: one context for everything, answered by a
 * {@link Router} on a bounded pool of handler threads. It knows nothing of the broker; whatever serves HTTP from the
 * broker (the console, a metrics endpoint) passes its routes in.
 *
 * <p>Every answer carries security headers (no sniffing, no framing, a same-origin content policy); JSON answers
 * are never cached. A body larger than {@link WebServerConfig#maxRequestBytes()} is refused with 413 without being
 * read. A {@link HttpError} becomes its status and {@code {"error": message}}; anything else a handler throws
 * becomes a 500 whose message names the failure's kind, with the stack trace in this server's log (rate-limited, a
 * broken handler cannot flood it).
 *
 * <p>Text answers (JSON, scripts, styles, the page) over 1 KiB are gzipped when the client accepts it
 * ({@link Compression}); an answer with an {@code ETag} is answered 304 without its body when the request's
 * {@code If-None-Match} names it.
 *
 * <p>TCP_NODELAY: the JDK server writes a response's headers and its body separately, so with Nagle's algorithm on
 * (its default) every small answer waits for the client's delayed ACK, about 40 ms. This class turns
 * {@code sun.net.httpserver.nodelay} on before the JDK reads it (once per JVM), unless it was set explicitly.
 */
public final class WebServer implements AutoCloseable {

    static {
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private static final Logger log = LoggerFactory.getLogger(WebServer.class);
    private static final RateLimitedLog failures = new RateLimitedLog(log, RateLimitedLog.PEER_INTERVAL_MILLIS,
            Clock.systemUTC());
    /** Sent on every answer; the console's page adds its one inline script's hash to {@code script-src}. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; "
            + "script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    static final long MAX_DRAINED_BYTES = 64L * 1024 * 1024;

    private final WebServerConfig config;
    private final Router router;
    private final HttpServer server;
    private final ExecutorService executor;

    private WebServer(WebServerConfig config, Router router, HttpServer server, ExecutorService executor) {
        this.config = config;
        this.router = router;
        this.server = server;
        this.executor = executor;
    }

    /**
     * Binds and starts serving {@code router}.
     *
     * @throws UncheckedIOException when the address cannot be bound (in use, no such interface)
     */
    public static WebServer start(WebServerConfig config, Router router, String threadName) {
        InetSocketAddress address = new InetSocketAddress(config.bindHost(), config.port());
        HttpServer server;
        try {
            if (config.sslContext() != null) {
                HttpsServer https = HttpsServer.create(address, 64);
                https.setHttpsConfigurator(new HttpsConfigurator(config.sslContext()));
                server = https;
            } else {
                server = HttpServer.create(address, 64);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen for HTTP on " + config.bindHost() + ":" + config.port()
                    + ": " + e.getMessage(), e);
        }
        ExecutorService executor = ProcessorExecutors.bounded(threadName, config.threads(), 256);
        WebServer web = new WebServer(config, router, server, executor);
        server.createContext("/", web::serve);
        server.setExecutor(executor);
        server.start();
        return web;
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** {@code http://host:port/} (or https), with the bound port. */
    public String url() {
        String host = config.bindHost();
        if (host.equals("0.0.0.0") || host.equals("::")) {
            host = "127.0.0.1";
        } else if (host.indexOf(':') >= 0) {
            host = "[" + host + "]";
        }
        return (config.sslContext() != null ? "https" : "http") + "://" + host + ":" + address().getPort() + "/";
    }

    private void serve(HttpExchange exchange) {
        Response response;
        try {
            response = answer(exchange);
        } catch (HttpError e) {
            response = Response.error(e.status(), e.getMessage());
        } catch (Exception | LinkageError e) {
            failures.warn("handler " + exchange.getRequestURI().getRawPath(), "HTTP {} {} failed",
                    exchange.getRequestMethod(), RateLimitedLog.escape(exchange.getRequestURI().getRawPath()), e);
            response = Response.error(500, "The broker could not complete this request ("
                    + e.getClass().getSimpleName() + "). Its log has the details.");
        }
        try {
            write(exchange, response);
        } catch (IOException e) {
            log.debug("Could not answer HTTP {} {}: {}", exchange.getRequestMethod(), exchange.getRequestURI(),
                    e.toString());
        } finally {
            exchange.close();
        }
    }

    private Response answer(HttpExchange exchange) throws Exception {
        String lengthHeader = exchange.getRequestHeaders().getFirst("Content-Length");
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            if (lengthHeader != null && parseLength(lengthHeader) > config.maxRequestBytes()) {
                drain(in);
                return tooLarge();
            }
            body = in.readNBytes(config.maxRequestBytes() + 1);
            if (body.length > config.maxRequestBytes()) {
                drain(in);
                return tooLarge();
            }
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
        Request request = new Request(exchange.getRequestMethod().toUpperCase(Locale.ROOT),
                exchange.getRequestURI().getRawPath(), query(exchange.getRequestURI().getRawQuery()), headers, body,
                exchange.getRemoteAddress());
        return router.dispatch(request);
    }

    /**
     * Reads and drops the rest of a refused body, up to {@value #MAX_DRAINED_BYTES} bytes, so that the client reads
     * the refusal instead of a reset connection; a larger body is cut off when the exchange closes.
     */
    private static void drain(InputStream in) throws IOException {
        long left = MAX_DRAINED_BYTES;
        byte[] buffer = new byte[64 * 1024];
        int n;
        while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
            left -= n;
        }
    }

    private Response tooLarge() {
        return Response.error(413, "The request is larger than the " + config.maxRequestBytes() / 1024
                + " KiB this server accepts.");
    }

    private static long parseLength(String header) {
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            throw HttpError.badRequest("The Content-Length header is not a number.");
        }
    }

    static Map<String, String> query(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                params.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw HttpError.badRequest("The query string is not correctly encoded.");
            }
        }
        return params;
    }

    private static void write(HttpExchange exchange, Response response) throws IOException {
        var headers = exchange.getResponseHeaders();
        var requestHeaders = exchange.getRequestHeaders();
        String etag = response.headers().get("ETag");
        if (etag != null && response.status() == 200 && etag.equals(requestHeaders.getFirst("If-None-Match"))) {
            response = new Response(304, response.contentType(), null, response.headers());
        } else if (Compression.worthIt(response)) {
            headers.set("Vary", "Accept-Encoding");
            if (Compression.accepted(requestHeaders.getFirst("Accept-Encoding"))) {
                response = Compression.gzip(response);
            }
        }
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        if (response.contentType() != null) {
            headers.set("Content-Type", response.contentType());
        }
        if (Response.JSON.equals(response.contentType())) {
            headers.set("Cache-Control", "no-store");
        }
        response.headers().forEach(headers::set);
        boolean noBody = response.body().length == 0 || exchange.getRequestMethod().equalsIgnoreCase("HEAD");
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : response.body().length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        }
    }

    /** Stops accepting and closes open exchanges within a second. */
    @Override
    public void close() {
        server.stop(1);
        executor.shutdownNow();
    }
}
