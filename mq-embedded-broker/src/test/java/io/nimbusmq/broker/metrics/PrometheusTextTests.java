package io.nimbusmq.broker.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PrometheusTextTests {

    @Test
    void writesFamiliesWithCommonLabelsFirst() {
        PrometheusText text = new PrometheusText("cluster", "c1", "node_id", "broker-a");

        text.family("rocketmq_messages_in_total", "counter", "Messages stored.")
                .sample("rocketmq_messages_in_total", 42, "topic", "orders")
                .family("rocketmq_producer_connections", "gauge", "Producer connections online.")
                .sample("rocketmq_producer_connections", 3);

        assertThat(text.toString()).isEqualTo("""
                # HELP rocketmq_messages_in_total Messages stored.
                # TYPE rocketmq_messages_in_total counter
                rocketmq_messages_in_total{cluster="c1",node_id="broker-a",topic="orders"} 42
                # HELP rocketmq_producer_connections Producer connections online.
                # TYPE rocketmq_producer_connections gauge
                rocketmq_producer_connections{cluster="c1",node_id="broker-a"} 3
                """);
    }

    @Test
    void escapesLabelValuesSoThatNoNameCanBreakTheFormat() {
        PrometheusText text = new PrometheusText();

        text.sample("m", 1, "topic", "a\"b\\c\nd");

        assertThat(text.toString()).isEqualTo("m{topic=\"a\\\"b\\\\c\\nd\"} 1\n");
    }

    @Test
    void writesFractionsAsDecimalsAndRefusesAFamilyTwice() {
        PrometheusText text = new PrometheusText();
        text.family("m", "gauge", "A gauge.").sample("m", 0.5);

        assertThat(text.toString()).endsWith("\nm 0.5\n");
        assertThatThrownBy(() -> text.family("m", "gauge", "Again.")).isInstanceOf(IllegalStateException.class);
    }
}
