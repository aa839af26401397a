package io.nimbusmq.benchmark.load;

import java.time.Duration;

import io.nimbusmq.benchmark.driver.ClientDriver;
import io.nimbusmq.benchmark.driver.ConsumerOptions;
import io.nimbusmq.benchmark.driver.DriverConsumer;
import io.nimbusmq.benchmark.metrics.DeliveryLedger;

/**
 * Reads a scenario's topic back with a push consumer in a new group, from the first offset, until every acknowledged
 * message was received and nothing more arrived for {@link #QUIET} (so a duplicate stored later shows up too), then
 * leaves the counts in the ledger. Gives up after a timeout; whatever was not received by then counts as lost.
 */
final class Drain {

    static final Duration QUIET = Duration.ofSeconds(1);

    private Drain() {
    }

    /** Consumes {@code topic} in {@code group} into {@code ledger}; returns false if it timed out. */
    static boolean verify(ClientDriver driver, String namesrvAddr, String group, String topic, DeliveryLedger ledger,
            int consumeBatch, Duration timeout) throws Exception {
        try (DriverConsumer consumer = driver.startPushConsumer(namesrvAddr, group, topic,
                new ConsumerOptions(consumeBatch), body -> ledger.received(MessageBody.id(body)))) {
            return awaitComplete(ledger, timeout);
        }
    }

    /** Waits until every acknowledged id was received and deliveries stopped for {@link #QUIET}. */
    static boolean awaitComplete(DeliveryLedger ledger, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long lastDeliveries = -1;
        long quietSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            long deliveries = ledger.deliveries();
            if (deliveries != lastDeliveries) {
                lastDeliveries = deliveries;
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince >= QUIET.toNanos() && ledger.allAckedReceived()) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    /** How long to wait for {@code messages} to come back: generous, a slow loaded machine must not lose them. */
    static Duration timeoutFor(long messages) {
        return Duration.ofSeconds(60 + messages / 5_000);
    }
}
