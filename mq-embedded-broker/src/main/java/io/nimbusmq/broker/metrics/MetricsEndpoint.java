package io.nimbusmq.broker.metrics;

import java.nio.charset.StandardCharsets;

import io.nimbusmq.broker.http.Response;
import io.nimbusmq.broker.http.Router;
import io.nimbusmq.broker.http.WebServer;
import io.nimbusmq.broker.http.WebServerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /metrics}: {@link BrokerMetrics} in Prometheus' text format on its own HTTP port (RocketMQ's
 * {@code metricsPromExporterPort}), served by the broker's small HTTP server ({@link WebServer}). Read-only and
 * without login, as RocketMQ's exporter: bind it to an interface only the monitoring system reaches.
 */
public final class MetricsEndpoint implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MetricsEndpoint.class);

    private final WebServer server;

    private MetricsEndpoint(WebServer server) {
        this.server = server;
    }

    /**
     * Listens on {@code bindHost:port} (0 for a free port).
     *
     * @throws java.io.UncheckedIOException when the port cannot be bound
     */
    public static MetricsEndpoint start(String bindHost, int port, BrokerMetrics metrics) {
        Router router = new Router().open("GET", "/metrics", request -> Response.bytes(PrometheusText.CONTENT_TYPE,
                metrics.scrape().getBytes(StandardCharsets.UTF_8)));
        WebServer server = WebServer.start(WebServerConfig.of(bindHost, port), router, "broker-metrics");
        log.info("Prometheus metrics at {}metrics", server.url());
        return new MetricsEndpoint(server);
    }

    /** {@code http://host:port/metrics}. */
    public String url() {
        return server.url() + "metrics";
    }

    @Override
    public void close() {
        server.close();
    }
}
