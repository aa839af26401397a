package io.nimbusmq.benchmark.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import io.nimbusmq.benchmark.driver.ClientDriver;
import io.nimbusmq.benchmark.driver.ConsumerOptions;
import io.nimbusmq.benchmark.driver.DriverConsumer;
import io.nimbusmq.benchmark.driver.DriverProducer;
import io.nimbusmq.benchmark.metrics.DeliveryLedger;
import io.nimbusmq.benchmark.metrics.LatencySummary;
import io.nimbusmq.benchmark.metrics.ScenarioResult;

/**
 * Backlog consumption: {@code backlog} messages are written first (batches of {@value #BATCH} from
 * {@value #LOADERS} threads, not measured), then a push consumer in a new group drains them from the first offset,
 * {@code consumeBatch} messages per listener call. The measured period runs from the consumer's start to the last
 * message received, so it includes the consumer's start-up and first rebalance, the same for both brokers.
 */
final class BacklogConsumeScenario {

    static final int BATCH = 32;
    static final int LOADERS = 4;

    private final LoadSettings settings;
    private final ClientDriver driver;

    BacklogConsumeScenario(LoadSettings settings, ClientDriver driver) {
        this.settings = settings;
        this.driver = driver;
    }

    ScenarioResult run() throws Exception {
        Scenario scenario = Scenario.CONSUME;
        String topic = scenario.topic(driver.name());
        DeliveryLedger ledger = new DeliveryLedger();
        ErrorTally errors = new ErrorTally();
        long loadStart = System.nanoTime();
        writeBacklog(topic, ledger, errors);
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;

        AtomicLong lastReceipt = new AtomicLong();
        AtomicLong firstReceipt = new AtomicLong();
        MeasuredPeriod period = MeasuredPeriod.start(settings.brokerPid());
        MeasuredPeriod.Measured measured;
        boolean complete;
        try (DriverConsumer consumer = driver.startPushConsumer(settings.namesrvAddr(),
                scenario.group(driver.name(), "consumer"), topic, new ConsumerOptions(settings.consumeBatch()),
                body -> {
                    ledger.received(MessageBody.id(body));
                    long now = System.nanoTime();
                    firstReceipt.compareAndSet(0, now);
                    lastReceipt.accumulateAndGet(now, Math::max);
                })) {
            awaitAllReceived(ledger, Drain.timeoutFor(ledger.ackedCount()));
            measured = period.stopAt(Math.max(lastReceipt.get(), period.startNanos() + 1));
            complete = Drain.awaitComplete(ledger, Duration.ofSeconds(30));
        }
        long messages = ledger.receivedCount();
        double drainSeconds = (lastReceipt.get() - firstReceipt.get()) / 1e9;
        String note = String.format(Locale.ROOT, "backlog of %,d written in %.1f s (%,.0f msg/s, batches of %d); "
                        + "first to last receipt %,.0f msg/s", ledger.ackedCount(), loadSeconds,
                ledger.ackedCount() / loadSeconds, BATCH, drainSeconds > 0 ? messages / drainSeconds : 0);
        note = ProduceScenario.join(errors.note(), note);
        note = ProduceScenario.join(note, complete ? "" : "drain timed out");
        return new ScenarioResult(scenario.id(), driver.name(), 1, settings.bodySize(), measured.seconds(), messages,
                LatencySummary.NONE, measured.brokerCpuSeconds(), measured.clientCpuSeconds(),
                measured.load(), ledger.counts(), note);
    }

    private void writeBacklog(String topic, DeliveryLedger ledger, ErrorTally errors) throws Exception {
        AtomicLong remaining = new AtomicLong(settings.backlog());
        try (DriverProducer producer = driver.startProducer(settings.namesrvAddr(),
                Scenario.CONSUME.group(driver.name(), "loader"))) {
            List<Thread> loaders = new ArrayList<>();
            for (int t = 0; t < LOADERS; t++) {
                Thread thread = new Thread(() -> load(producer, topic, ledger, errors, remaining),
                        "bench-backlog-" + t);
                thread.setDaemon(true);
                loaders.add(thread);
                thread.start();
            }
            for (Thread thread : loaders) {
                thread.join();
            }
        }
    }

    private void load(DriverProducer producer, String topic, DeliveryLedger ledger, ErrorTally errors,
            AtomicLong remaining) {
        while (true) {
            long left = remaining.getAndAdd(-BATCH);
            if (left <= 0) {
                return;
            }
            int size = (int) Math.min(BATCH, left);
            long[] ids = new long[size];
            List<byte[]> bodies = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                ids[i] = ledger.nextId();
                bodies.add(MessageBody.encode(ids[i], System.nanoTime(), settings.bodySize()));
            }
            boolean stored;
            Exception error = null;
            try {
                stored = producer.sendBatch(topic, bodies);
            } catch (Exception e) {
                stored = false;
                error = e;
            }
            for (long id : ids) {
                if (stored) {
                    ledger.acked(id);
                } else {
                    ledger.failed(id);
                }
            }
            if (!stored) {
                errors.record(error);
            }
        }
    }

    private static void awaitAllReceived(DeliveryLedger ledger, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long acked = ledger.ackedCount();
        while (System.nanoTime() < deadline) {
            if (ledger.receivedCount() >= acked && ledger.allAckedReceived()) {
                return;
            }
            Thread.sleep(5);
        }
    }
}
