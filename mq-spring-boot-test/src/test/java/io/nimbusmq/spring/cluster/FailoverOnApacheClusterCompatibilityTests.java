package io.nimbusmq.spring.cluster;

import static io.nimbusmq.testkit.ApacheRocketMqCluster.BROKER_A;
import static io.nimbusmq.testkit.ApacheRocketMqCluster.BROKER_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.Message;

import io.nimbusmq.client.SendResult;
import io.nimbusmq.spring.annotation.MessageListener;
import io.nimbusmq.spring.autoconfigure.ConsumerConfigCustomizer;
import io.nimbusmq.spring.core.MqTemplate;
import io.nimbusmq.spring.support.MqHeaders;
import io.nimbusmq.testkit.ApacheRocketMqCluster;

/**
 * broker-a's master dies under load and comes back, while an application configured with nothing but
 * {@code mq.name-server} sends and listens (see {@link ApacheRocketMqCluster}: broker-a replicates synchronously to
 * its slave, which serves reads).
 *
 * <ol>
 *   <li>The listener is held back while a backlog is sent, so that part of broker-a's messages is still on the broker
 *       (not pulled into the client) when its master dies; a load thread keeps sending, one message every 5 ms.</li>
 *   <li>broker-a's master is killed (no unregistration: its connections drop) and the listener let go: sends move to
 *       broker-b, and broker-a's backlog is read from its slave.</li>
 *   <li>broker-a's master starts again: sends reach it again after the client's route refresh (30 s).</li>
 * </ol>
 * Every acknowledged message must be received (none lost); duplicates are counted (at-least-once allows them: a send
 * in flight when the master dies may have been stored before the client retried it on broker-b). The figures are
 * printed for docs/cluster.md. Every wait is an await with a generous ceiling; the load stops by itself.
 */
@Tag("cluster")
class FailoverOnApacheClusterCompatibilityTests {

    @RegisterExtension
    static final ApacheRocketMqCluster cluster = new ApacheRocketMqCluster();

    static final String GROUP = "failover-listener";
    static final Duration CEILING = Duration.ofSeconds(120);
    static final int BACKLOG = 400;

    @Test
    void noAcknowledgedMessageIsLostWhenBrokerAsMasterDiesAndComesBack() throws Exception {
        String topic = cluster.createTopic("failover", 4);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(App.class)
                .web(WebApplicationType.NONE)
                .properties("mq.name-server=" + cluster.nameServerAddress(), "app.topic=" + topic,
                        // only for the test: the group is new and its first messages are sent right after start-up
                        "mq.consumer.consume-from-where=CONSUME_FROM_FIRST_OFFSET", "mq.consumer.pull-batch-size=4")
                .run()) {
            MqTemplate template = app.getBean(MqTemplate.class);
            Listener listener = app.getBean(Listener.class);
            Load load = new Load(template, topic);

            IntStream.range(0, 8).forEach(i -> load.sendOnce("warm-up-" + i));
            await("the listener receives from both masters").atMost(CEILING)
                    .until(() -> listener.brokers().containsAll(Set.of(BROKER_A, BROKER_B)));

            listener.holdBack();
            IntStream.range(0, BACKLOG).forEach(i -> load.sendOnce("backlog-" + i));
            cluster.synchronizeSlave();
            Thread loadThread = new Thread(load, "failover-load");
            loadThread.start();
            await("load on both masters").atMost(CEILING).until(() -> load.acknowledgedOn(BROKER_A, 0) > 20
                    && load.acknowledgedOn(BROKER_B, 0) > 20);

            // 1. the kill
            long killedAt = System.nanoTime();
            Thread killer = new Thread(cluster::killMasterOfBrokerA, "kill-broker-a");
            killer.start();
            listener.letGo();
            await("the slave serves broker-a's backlog").atMost(CEILING).pollInterval(Duration.ofMillis(10))
                    .until(() -> cluster.messagesServedBySlave(topic, GROUP) > 0);
            long slaveResumedMillis = millisSince(killedAt);
            Set<String> acknowledgedByBrokerA = load.acknowledgedBy(BROKER_A);
            await("broker-a's messages received from its slave").atMost(CEILING)
                    .until(() -> listener.bodies().containsAll(acknowledgedByBrokerA));
            long drainedFromSlaveMillis = millisSince(killedAt);
            killer.join(CEILING.toMillis());
            assertThat(killer.isAlive()).isFalse();
            long killReturnedAt = System.nanoTime();
            await("sends acknowledged by broker-b after the kill").atMost(CEILING)
                    .until(() -> load.acknowledgedOn(BROKER_B, killReturnedAt) >= 50);
            long firstOnBrokerBMillis = (load.firstAcknowledgedBy(BROKER_B, killedAt) - killedAt) / 1_000_000;
            long slowestSendMillis = load.slowestSendStartedBetween(killedAt, killReturnedAt);
            assertThat(load.acknowledgedOn(BROKER_A, killReturnedAt)).as("acknowledged by a dead master").isZero();
            Set<String> acknowledgedSoFar = load.acknowledged();
            await("every acknowledged message received while broker-a's master is down").atMost(CEILING)
                    .until(() -> listener.bodies().containsAll(acknowledgedSoFar));

            // 2. the restart
            long restartedAt = System.nanoTime();
            cluster.restartMasterOfBrokerA();
            long restartMillis = millisSince(restartedAt);
            long restartReturnedAt = System.nanoTime();
            await("sends reach broker-a again").atMost(CEILING)
                    .until(() -> load.acknowledgedOn(BROKER_A, restartReturnedAt) >= 20);
            long backOnBrokerAMillis = millisSince(restartReturnedAt);
            load.stop();
            loadThread.join(CEILING.toMillis());
            assertThat(loadThread.isAlive()).isFalse();

            Set<String> acknowledged = load.acknowledged();
            await("every acknowledged message received").atMost(CEILING)
                    .until(() -> listener.bodies().containsAll(acknowledged));
            Set<String> lost = new HashSet<>(acknowledged);
            lost.removeAll(listener.bodies());
            assertThat(lost).as("acknowledged and lost").isEmpty();
            assertThat(listener.bodies()).as("nothing received that was not sent").allMatch(load::wasSent);
            System.out.printf("""
                    Failover figures (broker-a's master killed under load, then restarted):
                      messages acknowledged ............................ %d
                      sends failed (reported to the sender) ............ %d
                      acknowledged and lost ............................ %d
                      first send acknowledged by broker-b after the kill %d ms
                      slowest send while broker-a's master went down ... %d ms
                      listeners resumed from broker-a's slave .......... %d ms after the kill
                      all of broker-a's messages received .............. %d ms after the kill
                      restart of broker-a's master (until replicating) . %d ms
                      sends on broker-a again .......................... %d ms after its restart
                      messages received more than once ................. %d (%d deliveries in all)
                    """, acknowledged.size(), load.failed(), lost.size(), firstOnBrokerBMillis,
                    slowestSendMillis, slaveResumedMillis, drainedFromSlaveMillis,
                    restartMillis, backOnBrokerAMillis, listener.duplicates(), listener.deliveries());
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        @Bean
        Listener listener() {
            return new Listener();
        }

        /** Keeps at most 8 messages per queue in the client, so that a held-back backlog stays on the broker. */
        @Bean
        ConsumerConfigCustomizer smallClientSideBacklog() {
            return (endpoint, builder) -> builder.pullThresholdForQueue(4);
        }
    }

    /** Records what it receives, per body, and waits while held back. */
    static class Listener {
        private final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
        private final Set<String> brokers = ConcurrentHashMap.newKeySet();
        private volatile CountDownLatch gate = new CountDownLatch(0);

        @MessageListener(topic = "${app.topic}", consumerGroup = GROUP)
        void on(Message<String> message) throws InterruptedException {
            if (!gate.await(CEILING.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("held back too long");
            }
            received.computeIfAbsent(message.getPayload(), body -> new AtomicInteger()).incrementAndGet();
            brokers.add((String) message.getHeaders().get(MqHeaders.BROKER_NAME));
        }

        void holdBack() {
            gate = new CountDownLatch(1);
        }

        void letGo() {
            gate.countDown();
        }

        Set<String> bodies() {
            return received.keySet();
        }

        Set<String> brokers() {
            return brokers;
        }

        long duplicates() {
            return received.values().stream().filter(count -> count.get() > 1).count();
        }

        long deliveries() {
            return received.values().stream().mapToInt(AtomicInteger::get).sum();
        }
    }

    /** The sending side: one synchronous send every 5 ms until stopped (or five minutes), each outcome recorded. */
    static final class Load implements Runnable {
        record Ack(String broker, long startedAt, long acknowledgedAt) {
        }

        private static final long PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
        private static final long MAX_RUN_NANOS = TimeUnit.MINUTES.toNanos(5);

        private final MqTemplate template;
        private final String topic;
        private final Map<String, Ack> acknowledged = new ConcurrentHashMap<>();
        private final Set<String> sent = ConcurrentHashMap.newKeySet();
        private final AtomicInteger failed = new AtomicInteger();
        private volatile boolean stopped;

        Load(MqTemplate template, String topic) {
            this.template = template;
            this.topic = topic;
        }

        @Override
        public void run() {
            long deadline = System.nanoTime() + MAX_RUN_NANOS;
            for (int i = 0; !stopped && System.nanoTime() < deadline; i++) {
                sendOnce("load-" + i);
                LockSupport.parkNanos(PAUSE_NANOS);
            }
        }

        void sendOnce(String body) {
            sent.add(body);
            long startedAt = System.nanoTime();
            try {
                SendResult result = template.syncSend(topic, body);
                acknowledged.put(body, new Ack(result.messageQueue().brokerName(), startedAt, System.nanoTime()));
            } catch (RuntimeException e) {
                failed.incrementAndGet();
            }
        }

        void stop() {
            stopped = true;
        }

        boolean wasSent(String body) {
            return sent.contains(body);
        }

        Set<String> acknowledged() {
            return Set.copyOf(acknowledged.keySet());
        }

        Set<String> acknowledgedBy(String broker) {
            return acknowledged.entrySet().stream().filter(e -> e.getValue().broker().equals(broker))
                    .map(Map.Entry::getKey).collect(Collectors.toSet());
        }

        int failed() {
            return failed.get();
        }

        /** Sends started at or after {@code nanos} that {@code broker} acknowledged. */
        long acknowledgedOn(String broker, long nanos) {
            return acknowledged.values().stream().filter(a -> a.broker().equals(broker) && a.startedAt() >= nanos)
                    .count();
        }

        /** When the first send started at or after {@code nanos} that {@code broker} acknowledged was answered. */
        long firstAcknowledgedBy(String broker, long nanos) {
            return acknowledged.values().stream().filter(a -> a.broker().equals(broker) && a.startedAt() >= nanos)
                    .mapToLong(Ack::acknowledgedAt).min().orElseThrow();
        }

        /** The longest acknowledged send, in ms, of those started between {@code from} and {@code to}. */
        long slowestSendStartedBetween(long from, long to) {
            return acknowledged.values().stream().filter(a -> a.startedAt() >= from && a.startedAt() <= to)
                    .mapToLong(a -> (a.acknowledgedAt() - a.startedAt()) / 1_000_000).max().orElse(0);
        }
    }
}
