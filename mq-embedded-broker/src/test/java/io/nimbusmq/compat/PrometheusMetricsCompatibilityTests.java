package io.nimbusmq.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.nimbusmq.broker.OperationsConfig;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Prometheus endpoint ({@code OperationsConfig.withMetricsPort}) under traffic of the official 5.3.1 clients:
 * RocketMQ 5.x's meter names and labels, with the numbers the traffic made.
 */
@Tag("compat")
class PrometheusMetricsCompatibilityTests {

    private static final String NODE = "cluster=\"DefaultCluster\",node_type=\"broker\",node_id=\"broker-a\"";

    @RegisterExtension
    static final CompatBroker broker = new CompatBroker(builder -> builder.operations(
            OperationsConfig.defaults().withMetricsPort(0)));

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void trafficLagAndConnectionsAreServedWithRocketMqsMeterNames() throws Exception {
        String topic = broker.createTopic("metrics", 2);
        String group = CompatBroker.uniqueName("metrics-cg");
        DefaultMQProducer producer = broker.startedProducer();
        for (int i = 0; i < 20; i++) {
            producer.send(new Message(topic, ("message-" + i).getBytes(StandardCharsets.UTF_8)));
        }
        Received received = new Received();
        DefaultMQPushConsumer consumer = broker.pushConsumer(group);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener(received.listener());
        consumer.start();
        await().atMost(CompatBroker.PATIENCE).until(() -> received.size() >= 20);
        String labels = NODE + ",topic=\"" + topic + "\",consumer_group=\"" + group + "\"";

        String consumed = await().atMost(CompatBroker.PATIENCE).until(this::scrape, text ->
                value(text, "rocketmq_consumer_lag_messages{" + labels + "}") == 0);

        assertThat(value(consumed, "rocketmq_messages_in_total{" + NODE + ",topic=\"" + topic + "\"}")).isEqualTo(20);
        assertThat(value(consumed, "rocketmq_throughput_in_total{" + NODE + ",topic=\"" + topic + "\"}"))
                .isGreaterThanOrEqualTo(20 * "message-0".length());
        assertThat(value(consumed, "rocketmq_messages_out_total{" + labels + "}")).isEqualTo(20);
        assertThat(value(consumed, "rocketmq_throughput_out_total{" + labels + "}")).isPositive();
        assertThat(value(consumed, "rocketmq_consumer_lag_latency{" + labels + "}")).isZero();
        assertThat(value(consumed, "rocketmq_producer_connections{" + NODE + "}")).isPositive();
        assertThat(value(consumed, "rocketmq_consumer_connections{" + NODE + "}")).isPositive();
        assertThat(consumed).contains("# TYPE rocketmq_messages_in_total counter",
                "# TYPE rocketmq_consumer_lag_messages gauge", "# TYPE rocketmq_send_to_dlq_messages_total counter",
                "rocketmq_commit_messages_total{" + NODE + "} 0", "rocketmq_rollback_messages_total{" + NODE + "} 0");

        consumer.shutdown();
        for (int i = 0; i < 5; i++) {
            producer.send(new Message(topic, ("late-" + i).getBytes(StandardCharsets.UTF_8)));
        }

        // the group committed all 20 before it stopped: the 5 new messages are its lag, and they age
        String lagging = await().atMost(CompatBroker.PATIENCE).until(this::scrape, text ->
                value(text, "rocketmq_consumer_lag_messages{" + labels + "}") == 5
                        && value(text, "rocketmq_consumer_lag_latency{" + labels + "}") > 0);
        assertThat(value(lagging, "rocketmq_consumer_ready_messages{" + labels + "}")
                + value(lagging, "rocketmq_consumer_inflight_messages{" + labels + "}")).isEqualTo(5);
        assertThat(value(lagging, "rocketmq_messages_in_total{" + NODE + ",topic=\"" + topic + "\"}")).isEqualTo(25);
    }

    @Test
    void theEndpointAnswersPrometheusTextAndNothingElse() throws Exception {
        HttpResponse<String> metrics = get("");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");

        assertThat(get("/other").statusCode()).isEqualTo(404);
        assertThat(http.send(HttpRequest.newBuilder(URI.create(url())).POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(405);
    }

    private String url() {
        return broker.broker().metricsUrl().orElseThrow();
    }

    private String scrape() throws Exception {
        HttpResponse<String> response = get("");
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private HttpResponse<String> get(String suffix) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url() + suffix)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The value of the sample {@code series} (name and labels), or -1 when it is absent. */
    private static long value(String text, String series) {
        Matcher m = Pattern.compile("^" + Pattern.quote(series) + " (\\d+)$", Pattern.MULTILINE).matcher(text);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }
}
