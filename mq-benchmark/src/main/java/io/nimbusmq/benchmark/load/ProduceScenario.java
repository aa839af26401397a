package io.nimbusmq.benchmark.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import io.nimbusmq.benchmark.driver.ClientDriver;
import io.nimbusmq.benchmark.driver.DriverProducer;
import io.nimbusmq.benchmark.metrics.DeliveryLedger;
import io.nimbusmq.benchmark.metrics.LatencyRecorder;
import io.nimbusmq.benchmark.metrics.LatencySummary;
import io.nimbusmq.benchmark.metrics.ScenarioResult;

/**
 * Produce throughput: {@code threads} threads send as fast as the broker answers, synchronously (one send at a time
 * each), asynchronously (at most {@code asyncInFlight} sends in flight over all threads) or one-way, for a warm-up and
 * then a measured period. Throughput counts acknowledgements in the measured period; latency is send to answer.
 * Afterwards the topic is read back ({@link Drain}) to count losses and duplicates.
 *
 * <p>One-way sends have no answer, so no latency, and no back-pressure either: every {@value #ONEWAY_FENCE_EVERY}th
 * message of a thread is sent synchronously, which bounds what a thread has outstanding. Without it the official
 * 5.3.1 client, flooded with one-way sends, blocks its I/O thread on its one-way semaphore (its send tasks run on
 * that thread, and so do the write completions that release the permits), stalls for seconds and drops messages.
 */
final class ProduceScenario {

    static final int ONEWAY_FENCE_EVERY = 32;

    private final LoadSettings settings;
    private final ClientDriver driver;

    ProduceScenario(LoadSettings settings, ClientDriver driver) {
        this.settings = settings;
        this.driver = driver;
    }

    ScenarioResult run(Scenario scenario) throws Exception {
        String topic = scenario.topic(driver.name());
        DeliveryLedger ledger = new DeliveryLedger();
        LatencyRecorder latency = new LatencyRecorder();
        LongAdder acks = new LongAdder();
        ErrorTally errors = new ErrorTally();
        Semaphore inFlight = new Semaphore(settings.asyncInFlight());
        List<Thread> threads = new ArrayList<>();
        LatencySummary summary;
        MeasuredPeriod.Measured measured;
        long messages;
        try (DriverProducer producer = driver.startProducer(settings.namesrvAddr(),
                scenario.group(driver.name(), "producer"))) {
            Sender sender = new Sender(scenario, producer, topic, ledger, latency, acks, errors, inFlight);
            for (int t = 0; t < settings.threads(); t++) {
                Thread thread = new Thread(sender::loop, "bench-" + scenario.id() + "-" + t);
                thread.setDaemon(true);
                threads.add(thread);
            }
            threads.forEach(Thread::start);
            Thread.sleep(settings.warmupSeconds() * 1000L);
            latency.reset();
            long acksBefore = acks.sum();
            MeasuredPeriod period = MeasuredPeriod.start(settings.brokerPid());
            Thread.sleep(settings.measureSeconds() * 1000L);
            messages = acks.sum() - acksBefore;
            summary = latency.summary();
            measured = period.stop();
            sender.stop = true;
            for (Thread thread : threads) {
                thread.join();
            }
            if (!inFlight.tryAcquire(settings.asyncInFlight(), 120, TimeUnit.SECONDS)) {
                errors.record(new IllegalStateException("asynchronous sends unanswered after 120 s"));
            }
        }
        boolean complete = Drain.verify(driver, settings.namesrvAddr(), scenario.group(driver.name(), "verify"),
                topic, ledger, settings.consumeBatch(), Drain.timeoutFor(ledger.sent()));
        String note = join(errors.note(), complete ? "" : "read-back timed out");
        return new ScenarioResult(scenario.id(), driver.name(), settings.threads(), settings.bodySize(),
                measured.seconds(), messages, summary, measured.brokerCpuSeconds(), measured.clientCpuSeconds(),
                measured.load(), ledger.counts(), note);
    }

    static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + "; " + b;
    }

    /** The loop every sending thread runs, in the scenario's mode. */
    private final class Sender {

        private final Scenario scenario;
        private final DriverProducer producer;
        private final String topic;
        private final DeliveryLedger ledger;
        private final LatencyRecorder latency;
        private final LongAdder acks;
        private final ErrorTally errors;
        private final Semaphore inFlight;
        private volatile boolean stop;

        Sender(Scenario scenario, DriverProducer producer, String topic, DeliveryLedger ledger,
                LatencyRecorder latency, LongAdder acks, ErrorTally errors, Semaphore inFlight) {
            this.scenario = scenario;
            this.producer = producer;
            this.topic = topic;
            this.ledger = ledger;
            this.latency = latency;
            this.acks = acks;
            this.errors = errors;
            this.inFlight = inFlight;
        }

        void loop() {
            try {
                for (long n = 1; !stop; n++) {
                    switch (scenario) {
                        case PRODUCE_SYNC -> sendSync(true);
                        case PRODUCE_ASYNC -> sendAsync();
                        case PRODUCE_ONEWAY -> {
                            if (n % ONEWAY_FENCE_EVERY == 0) {
                                sendSync(false);
                            } else {
                                sendOneway();
                            }
                        }
                        default -> throw new IllegalArgumentException(scenario + " is no produce scenario");
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void sendSync(boolean recordLatency) {
            long id = ledger.nextId();
            long start = System.nanoTime();
            byte[] body = MessageBody.encode(id, start, settings.bodySize());
            try {
                if (producer.sendSync(topic, body)) {
                    acked(id, recordLatency ? System.nanoTime() - start : -1);
                } else {
                    failed(id, null);
                }
            } catch (Exception e) {
                failed(id, e);
            }
        }

        private void sendAsync() throws InterruptedException {
            inFlight.acquire();
            long id = ledger.nextId();
            long start = System.nanoTime();
            byte[] body = MessageBody.encode(id, start, settings.bodySize());
            producer.sendAsync(topic, body, (stored, error) -> {
                if (stored) {
                    acked(id, System.nanoTime() - start);
                } else {
                    failed(id, error);
                }
                inFlight.release();
            });
        }

        private void sendOneway() {
            long id = ledger.nextId();
            long start = System.nanoTime();
            byte[] body = MessageBody.encode(id, start, settings.bodySize());
            try {
                producer.sendOneway(topic, body);
                acked(id, -1);
            } catch (Exception e) {
                failed(id, e);
            }
        }

        /** @param latencyNanos send to answer, or -1 for none */
        private void acked(long id, long latencyNanos) {
            ledger.acked(id);
            acks.increment();
            if (latencyNanos >= 0) {
                latency.recordNanos(latencyNanos);
            }
        }

        private void failed(long id, Throwable error) {
            ledger.failed(id);
            errors.record(error);
        }
    }
}
