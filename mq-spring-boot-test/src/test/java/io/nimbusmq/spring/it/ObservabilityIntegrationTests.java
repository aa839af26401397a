package io.nimbusmq.spring.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.messaging.handler.annotation.Header;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingReceiverTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.test.simple.SimpleTracer;
import io.micrometer.observation.ObservationHandler;
import io.nimbusmq.spring.actuate.MqListenersEndpoint;
import io.nimbusmq.spring.annotation.MessageListener;
import io.nimbusmq.spring.core.MqTemplate;
import io.nimbusmq.spring.listener.ListenerState;
import io.nimbusmq.spring.metrics.ListenerLagMetrics;
import io.nimbusmq.spring.metrics.MicrometerMqMetrics;
import io.nimbusmq.spring.test.EmbeddedMq;
import io.nimbusmq.spring.test.MessageCollector;

/**
 * What operations sees: the {@code mq} health indicator with name servers, brokers and listeners; the
 * {@code mqlisteners} endpoint; listener meters (processing time, in-flight, retries, dead letters, lag per queue);
 * and a trace that goes on from the sending code to the listener through the W3C {@code traceparent} property.
 */
@SpringBootTest(classes = ObservabilityIntegrationTests.App.class, properties = "mq.listener.lag-interval=1h")
@EmbeddedMq(topics = {"it-obs", "it-obs-lag", "it-obs-dead"})
class ObservabilityIntegrationTests {

    static final Duration PATIENCE = Duration.ofSeconds(60);
    static final MessageCollector<String> TRACE_IDS = new MessageCollector<>();
    static final MessageCollector<String> LAGGING = new MessageCollector<>();

    @Autowired
    MqTemplate template;

    @Autowired
    MeterRegistry meters;

    @Autowired
    SimpleTracer tracer;

    @Autowired
    ObservationRegistry observations;

    @Autowired
    HealthIndicator mqHealthIndicator;

    @Autowired
    MqListenersEndpoint endpoint;

    @Autowired
    ListenerLagMetrics lag;

    @Test
    void healthIsUpWithNameServersBrokersAndListeners() {
        template.syncSend("it-obs", "warm-up");
        var health = mqHealthIndicator.health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsKeys("nameServers", "brokers", "listeners");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> listeners = (Map<String, Map<String, Object>>) health.getDetails()
                .get("listeners");
        assertThat(listeners.get("obs")).containsEntry("state", "RUNNING").containsEntry("group", "it-obs");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> nameServers = (Map<String, Map<String, Object>>) health.getDetails()
                .get("nameServers");
        assertThat(nameServers.values()).allSatisfy(server -> assertThat(server).containsEntry("status", "UP"));
    }

    @Test
    void aTraceGoesOnFromTheSenderToTheListener() {
        String traceId = Observation.createNotStarted("place-order", observations).observe(() -> {
            template.syncSend("it-obs", "traced");
            return tracer.currentSpan().context().traceId();
        });
        String seen = TRACE_IDS.awaitMatch(id -> id.startsWith("traced:"), PATIENCE);
        assertThat(traceId).isNotBlank();
        assertThat(seen).startsWith("traced:" + traceId + "|00-" + traceId + "-");
    }

    @Test
    void listenerMetersCountProcessingInFlightAndDeadLetters() {
        template.syncSend("it-obs", "metered");
        TRACE_IDS.awaitMatch(id -> id.startsWith("metered:"), PATIENCE);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(meters.find(MicrometerMqMetrics.PROCESS_TIMER)
                .tag("listener", "obs").tag("outcome", "success").timer()).isNotNull()
                .satisfies(timer -> assertThat(timer.count()).isPositive()));
        assertThat(meters.find(MicrometerMqMetrics.IN_FLIGHT).tag("listener", "obs").gauge()).isNotNull();

        template.syncSend("it-obs-dead", "{not json");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(meters.find(MicrometerMqMetrics.DEAD_LETTERS)
                .tag("group", "it-obs-dead").counter()).isNotNull()
                .satisfies(counter -> assertThat(counter.count()).isEqualTo(1.0)));
    }

    @Test
    void lagPerQueueGrowsWhileAListenerIsPausedAndFallsWhenItResumes() {
        assertThat(endpoint.act("lagging", "pause").state()).isEqualTo(ListenerState.PAUSED);
        for (int i = 0; i < 5; i++) {
            template.syncSend("it-obs-lag", "lag-" + i);
        }
        await().atMost(PATIENCE).untilAsserted(() -> {
            lag.refresh();
            assertThat(lagOf("lagging")).isEqualTo(5.0);
        });

        assertThat(endpoint.act("lagging", "resume").state()).isEqualTo(ListenerState.RUNNING);
        LAGGING.awaitCount(5, PATIENCE);
        await().atMost(PATIENCE).untilAsserted(() -> {
            lag.refresh();
            assertThat(lagOf("lagging")).isZero();
        });
        assertThat(endpoint.listeners().get("listeners")).anySatisfy(info -> assertThat(info.id())
                .isEqualTo("lagging"));
    }

    private double lagOf(String listener) {
        return meters.find(ListenerLagMetrics.LAG).tag("listener", listener).tag("topic", "it-obs-lag").gauges()
                .stream().mapToDouble(gauge -> gauge.value()).sum();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Listeners.class)
    static class App {
        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

        @Bean
        SimpleTracer tracer() {
            return new SimpleTracer();
        }

        @Bean
        ObservationRegistry observationRegistry(SimpleTracer tracer) {
            W3cTestPropagator propagator = new W3cTestPropagator(tracer);
            ObservationRegistry registry = ObservationRegistry.create();
            registry.observationConfig().observationHandler(
                    new ObservationHandler.FirstMatchingCompositeObservationHandler(
                    new PropagatingSenderTracingObservationHandler<>(tracer, propagator),
                    new PropagatingReceiverTracingObservationHandler<>(tracer, propagator),
                    new DefaultTracingObservationHandler(tracer)));
            return registry;
        }
    }

    static class Listeners {
        @Autowired
        SimpleTracer tracer;

        @MessageListener(id = "obs", topic = "it-obs", consumerGroup = "it-obs")
        void traced(String body, @Header(name = W3cTestPropagator.TRACEPARENT, required = false) String parent) {
            Span current = tracer.currentSpan();
            TRACE_IDS.add(body + ":" + (current == null ? "none" : current.context().traceId()) + "|" + parent);
        }

        @MessageListener(id = "lagging", topic = "it-obs-lag", consumerGroup = "it-obs-lag")
        void lagging(String body) {
            LAGGING.add(body);
        }

        @MessageListener(topic = "it-obs-dead", consumerGroup = "it-obs-dead")
        void dead(List<String> notAString) {
        }
    }
}
