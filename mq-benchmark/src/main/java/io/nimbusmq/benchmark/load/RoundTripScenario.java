package io.nimbusmq.benchmark.load;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import io.nimbusmq.benchmark.driver.ClientDriver;
import io.nimbusmq.benchmark.driver.ConsumerOptions;
import io.nimbusmq.benchmark.driver.DriverConsumer;
import io.nimbusmq.benchmark.driver.DriverProducer;
import io.nimbusmq.benchmark.metrics.DeliveryLedger;
import io.nimbusmq.benchmark.metrics.LatencyRecorder;
import io.nimbusmq.benchmark.metrics.LatencySummary;
import io.nimbusmq.benchmark.metrics.ScenarioResult;

/**
 * End-to-end latency at a fixed rate: a push consumer (default settings, one message per listener call) runs while one
 * pacer thread sends asynchronously at {@code roundTripRate} messages per second on a fixed schedule. The latency of a
 * message is its receipt time minus the send time in its body; only messages sent within the measured period count.
 * The warm-up starts once the first message came back (the consumer has its queues).
 */
final class RoundTripScenario {

    private static final Duration FIRST_RECEIPT_TIMEOUT = Duration.ofSeconds(60);

    private final LoadSettings settings;
    private final ClientDriver driver;

    RoundTripScenario(LoadSettings settings, ClientDriver driver) {
        this.settings = settings;
        this.driver = driver;
    }

    ScenarioResult run() throws Exception {
        Scenario scenario = Scenario.ROUND_TRIP;
        String topic = scenario.topic(driver.name());
        DeliveryLedger ledger = new DeliveryLedger();
        LatencyRecorder latency = new LatencyRecorder();
        ErrorTally errors = new ErrorTally();
        Window window = new Window();
        Pacer pacer;
        MeasuredPeriod.Measured measured;
        boolean complete;
        long messages;
        try (DriverConsumer consumer = driver.startPushConsumer(settings.namesrvAddr(),
                scenario.group(driver.name(), "consumer"), topic, ConsumerOptions.DEFAULTS, body -> {
                    long receivedNanos = System.nanoTime();
                    long id = MessageBody.id(body);
                    if (ledger.received(id) && window.contains(id)) {
                        latency.recordNanos(receivedNanos - MessageBody.sendNanos(body));
                    }
                });
                DriverProducer producer = driver.startProducer(settings.namesrvAddr(),
                        scenario.group(driver.name(), "producer"))) {
            pacer = new Pacer(producer, topic, ledger, errors);
            Thread thread = new Thread(pacer, "bench-round-trip-pacer");
            thread.setDaemon(true);
            thread.start();
            awaitFirstReceipt(ledger);
            Thread.sleep(settings.warmupSeconds() * 1000L);
            latency.reset();
            MeasuredPeriod period = MeasuredPeriod.start(settings.brokerPid());
            window.firstId = ledger.sent();
            Thread.sleep(settings.measureSeconds() * 1000L);
            window.endId = ledger.sent();
            measured = period.stop();
            messages = window.endId - window.firstId;
            // the window's last messages are still on their way: keep the load on until they are in
            awaitWindowReceived(ledger, window, Duration.ofSeconds(30));
            pacer.stop = true;
            thread.join();
            pacer.awaitAnswers(Duration.ofSeconds(60));
            complete = Drain.awaitComplete(ledger, Drain.timeoutFor(ledger.sent()));
        }
        LatencySummary summary = latency.summary();
        String note = ProduceScenario.join(errors.note(), complete ? "" : "read-back timed out");
        note = ProduceScenario.join(note, String.format(Locale.ROOT, "paced at %d msg/s, achieved %.0f",
                settings.roundTripRate(), messages / measured.seconds()));
        return new ScenarioResult(scenario.id(), driver.name(), 1, settings.bodySize(), measured.seconds(), messages,
                summary, measured.brokerCpuSeconds(), measured.clientCpuSeconds(), measured.load(),
                ledger.counts(), note);
    }

    private static void awaitFirstReceipt(DeliveryLedger ledger) throws InterruptedException {
        long deadline = System.nanoTime() + FIRST_RECEIPT_TIMEOUT.toNanos();
        while (ledger.receivedCount() == 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no message came back within " + FIRST_RECEIPT_TIMEOUT);
            }
            Thread.sleep(10);
        }
    }

    private static void awaitWindowReceived(DeliveryLedger ledger, Window window, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (ledger.receivedCount() < window.endId && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    /** Ids sent in the measured period: {@code [firstId, endId)}; empty until the period starts. */
    private static final class Window {
        volatile long firstId = Long.MAX_VALUE;
        volatile long endId = Long.MAX_VALUE;

        boolean contains(long id) {
            return id >= firstId && id < endId;
        }
    }

    /** Sends on a fixed schedule (message i at start + i / rate), catching up without bursts beyond the schedule. */
    private final class Pacer implements Runnable {

        private final DriverProducer producer;
        private final String topic;
        private final DeliveryLedger ledger;
        private final ErrorTally errors;
        private final AtomicLong outstanding = new AtomicLong();
        private volatile boolean stop;

        Pacer(DriverProducer producer, String topic, DeliveryLedger ledger, ErrorTally errors) {
            this.producer = producer;
            this.topic = topic;
            this.ledger = ledger;
            this.errors = errors;
        }

        @Override
        public void run() {
            long periodNanos = 1_000_000_000L / settings.roundTripRate();
            long start = System.nanoTime();
            for (long i = 0; !stop; i++) {
                long due = start + i * periodNanos;
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                long id = ledger.nextId();
                outstanding.incrementAndGet();
                producer.sendAsync(topic, MessageBody.encode(id, System.nanoTime(), settings.bodySize()),
                        (stored, error) -> {
                            if (stored) {
                                ledger.acked(id);
                            } else {
                                ledger.failed(id);
                                errors.record(error);
                            }
                            outstanding.decrementAndGet();
                        });
            }
        }

        void awaitAnswers(Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (outstanding.get() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        }
    }
}
