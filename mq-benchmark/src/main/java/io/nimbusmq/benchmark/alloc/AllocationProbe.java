package io.nimbusmq.benchmark.alloc;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import io.nimbusmq.benchmark.report.Machine;
import io.nimbusmq.benchmark.report.MarkdownSection;
import io.nimbusmq.broker.EmbeddedBroker;
import io.nimbusmq.client.ClientConfig;
import io.nimbusmq.client.Message;
import io.nimbusmq.client.MqClient;
import io.nimbusmq.client.ReceivedMessage;
import io.nimbusmq.client.consumer.ConsumeStatus;
import io.nimbusmq.client.consumer.ConsumerConfig;
import io.nimbusmq.client.consumer.PushConsumer;
import io.nimbusmq.client.consumer.Subscription;
import io.nimbusmq.client.producer.Producer;
import io.nimbusmq.client.producer.ProducerConfig;
import io.nimbusmq.remoting.protocol.body.TopicConfig;
import io.nimbusmq.remoting.protocol.body.client.ConsumeFromWhere;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.HdrHistogram.Histogram;

/**
 * Bytes allocated, CPU time and thread wake-ups per message on each path of our broker and our client, measured in
 * one JVM (an {@link EmbeddedBroker} with the production store, our client over loopback) with {@link ThreadCosts}.
 * Unlike throughput, these figures hardly move when other processes load the machine, so they can be compared from
 * run to run on a shared machine.
 *
 * <p>Scenarios, each after a warm-up of the same kind:
 * <ul>
 *   <li><b>send</b>: one application thread sends synchronously, back to back (client send path; broker I/O, send
 *       executor, store append, dispatch);</li>
 *   <li><b>one-way</b>: several application threads send one-way, back to back, until the broker stored all;</li>
 *   <li><b>round-trip</b>: one thread sends synchronously at a fixed rate while a push consumer, caught up, receives
 *       each message through a held long-poll pull (pull hold, wake-up, pull executor, client consume path); also
 *       the send-to-receipt latency;</li>
 *   <li><b>consume</b>: a new consumer group drains a backlog (pull path with full batches).</li>
 * </ul>
 *
 * <p>Settings as system properties: {@code probe.messages} (per scenario, 50,000), {@code probe.warmup} (20,000),
 * {@code probe.bodySize} (1024), {@code probe.rate} (round-trip msg/s, 2,000), {@code probe.queues} (8),
 * {@code probe.onewayThreads} (8), {@code probe.scenarios} (all: {@code send,one-way,round-trip,consume}),
 * {@code probe.dir} (temp directory), {@code probe.jfr} (a file: record the run with JFR's profile settings),
 * {@code probe.report} (a markdown file whose {@code allocation-probe} section is rewritten; none by default).
 */
public final class AllocationProbe {

    private static final MarkdownSection SECTION = new MarkdownSection("allocation-probe");
    private static final long ONEWAY_SETTLE_MILLIS = 3_000;

    private final int messages = Integer.getInteger("probe.messages", 50_000);
    private final int warmup = Integer.getInteger("probe.warmup", 20_000);
    private final int bodySize = Integer.getInteger("probe.bodySize", 1024);
    private final int rate = Integer.getInteger("probe.rate", 2_000);
    private final int queues = Integer.getInteger("probe.queues", 8);
    private final int onewayThreads = Integer.getInteger("probe.onewayThreads", 8);
    private final List<String> scenarios = List.of(System.getProperty("probe.scenarios",
            "send,one-way,round-trip,consume").split(","));
    private final List<ScenarioCosts> results = new ArrayList<>();
    /** The application's thread, alive through the whole run so that both snapshots of a scenario count it. */
    private final ExecutorService caller = Executors.newSingleThreadExecutor(r -> new Thread(r, "probe-sender"));

    /** One scenario's costs over its measured messages, and its latencies (round-trip only, else null). */
    record ScenarioCosts(String name, long messages, ThreadCosts costs, long gcCount, long gcMillis,
            Latencies latencies) {
    }

    /**
     * Send to receipt in microseconds, and its two halves in milliseconds (the broker's store timestamp has no finer
     * resolution): send to stored, and stored to receipt (dispatch, held-pull wake-up, pull, client hand-offs).
     */
    record Latencies(Histogram totalMicros, Histogram sendToStoreMillis, Histogram storeToReceiptMillis) {

        Latencies() {
            this(new Histogram(TimeUnit.SECONDS.toMicros(60), 3), new Histogram(60_000, 3), new Histogram(60_000, 3));
        }

        void record(ReceivedMessage message, long nowNanos, long nowMillis) {
            ByteBuffer body = ByteBuffer.wrap(message.body());
            totalMicros.recordValue(Math.max(0, (nowNanos - body.getLong(0)) / 1000));
            sendToStoreMillis.recordValue(Math.max(0, message.storeTimestamp() - body.getLong(8)));
            storeToReceiptMillis.recordValue(Math.max(0, nowMillis - message.storeTimestamp()));
        }
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("probe.dir",
                System.getProperty("java.io.tmpdir"))), "nimbus-alloc-probe-");
        String jfr = System.getProperty("probe.jfr", "");
        Recording recording = jfr.isBlank() ? null : new Recording(Configuration.getConfiguration("profile"));
        if (recording != null) {
            recording.start();
        }
        String loadBefore = Machine.loadAverage();
        Instant started = Instant.now();
        AllocationProbe probe = new AllocationProbe();
        try (EmbeddedBroker broker = EmbeddedBroker.builder().port(0).storeDir(dir.resolve("store"))
                .productionStore(true).build()) {
            broker.start();
            probe.run(broker);
        } finally {
            probe.caller.shutdownNow();
            if (recording != null) {
                recording.dump(Path.of(jfr));
                recording.close();
            }
            deleteRecursively(dir);
        }
        String report = probe.report(started, loadBefore, Machine.loadAverage());
        System.out.println(report);
        String target = System.getProperty("probe.report", "");
        if (!target.isBlank()) {
            SECTION.writeTo(Path.of(target), report);
        }
    }

    private void run(EmbeddedBroker broker) throws Exception {
        String topic = createTopic(broker, "probe-send");
        try (MqClient client = client(broker, "producer")) {
            Producer producer = client.producer(ProducerConfig.builder("probe-producer")
                    .sendTimeout(Duration.ofSeconds(60)).build());
            producer.start();
            if (scenarios.contains("send")) {
                onCaller(() -> sendAll(producer, topic, warmup, 0)).get();
                results.add(measure("send (sync, 1 thread)", messages, null,
                        () -> onCaller(() -> sendAll(producer, topic, messages, 0)).get()));
            }
            if (scenarios.contains("one-way")) {
                String onewayTopic = createTopic(broker, "probe-oneway");
                oneway(broker, producer, onewayTopic, onewayThreads, warmup / onewayThreads);
                results.remove(results.size() - 1); // the warm-up round
                oneway(broker, producer, onewayTopic, onewayThreads, messages / onewayThreads);
            }
            if (scenarios.contains("round-trip")) {
                roundTrip(broker, producer, createTopic(broker, "probe-round-trip"));
            }
            if (scenarios.contains("consume")) {
                String backlogTopic = createTopic(broker, "probe-backlog");
                onCaller(() -> sendAll(producer, backlogTopic, warmup + messages, 0)).get();
                drain(broker, backlogTopic, "probe-drain-warmup", warmup + messages, null);
                drain(broker, backlogTopic, "probe-drain", warmup + messages, "consume (backlog)");
            }
        }
    }

    private void roundTrip(EmbeddedBroker broker, Producer producer, String topic) throws Exception {
        Latencies latency = new Latencies();
        AtomicLong received = new AtomicLong();
        long total = warmup + (long) messages;
        CountDownLatch warmedUp = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        try (MqClient client = client(broker, "consumer");
             PushConsumer consumer = client.pushConsumer(consumerConfig("probe-round-trip", topic), batch -> {
                 long nowNanos = System.nanoTime();
                 long nowMillis = System.currentTimeMillis();
                 for (ReceivedMessage message : batch) {
                     long n = received.incrementAndGet();
                     if (n > warmup) {
                         latency.record(message, nowNanos, nowMillis);
                     }
                     if (n == warmup) {
                         warmedUp.countDown();
                     } else if (n == total) {
                         done.countDown();
                     }
                 }
                 return ConsumeStatus.SUCCESS;
             })) {
            consumer.start();
            Future<?> sending = onCaller(() -> sendAll(producer, topic, total, rate));
            warmedUp.await();
            results.add(measure("round-trip (" + rate + " msg/s)", messages, latency, done::await));
            sending.get();
        }
    }

    /** Drains {@code count} messages of {@code topic} with a new consumer group; measured if {@code scenario} is set. */
    private void drain(EmbeddedBroker broker, String topic, String group, long count, String scenario)
            throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        AtomicLong received = new AtomicLong();
        try (MqClient client = client(broker, group);
             PushConsumer consumer = client.pushConsumer(consumerConfig(group, topic), batch -> {
                 if (received.addAndGet(batch.size()) >= count) {
                     done.countDown();
                 }
                 return ConsumeStatus.SUCCESS;
             })) {
            if (scenario == null) {
                consumer.start();
                done.await();
            } else {
                results.add(measure(scenario, count, null, () -> {
                    consumer.start();
                    done.await();
                }));
            }
        }
    }

    private ScenarioCosts measure(String name, long count, Latencies latency, Step step) throws Exception {
        System.gc();
        long[] gcBefore = gc();
        ThreadCosts before = ThreadCosts.snapshot();
        step.run();
        ThreadCosts costs = ThreadCosts.snapshot().minus(before);
        long[] gcAfter = gc();
        return new ScenarioCosts(name, count, costs, gcAfter[0] - gcBefore[0], gcAfter[1] - gcBefore[1], latency);
    }

    /** Sends {@code count} messages whose first 8 bytes are the send time; paced at {@code rate} msg/s if positive. */
    private void sendAll(Producer producer, String topic, long count, int rate) {
        long start = System.nanoTime();
        long intervalNanos = rate > 0 ? TimeUnit.SECONDS.toNanos(1) / rate : 0;
        for (long i = 0; i < count; i++) {
            if (intervalNanos > 0) {
                long due = start + i * intervalNanos;
                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
            }
            producer.send(new Message(topic, body()));
        }
    }

    /** A body that starts with its send time: {@link System#nanoTime()}, then {@link System#currentTimeMillis()}. */
    private byte[] body() {
        byte[] body = new byte[Math.max(16, bodySize)];
        ByteBuffer.wrap(body).putLong(System.nanoTime()).putLong(System.currentTimeMillis());
        return body;
    }

    /**
     * {@code threads} application threads send {@code perThread} messages each one-way, back to back; measured until
     * the broker has stored them all, or stored nothing more for {@value #ONEWAY_SETTLE_MILLIS} ms (a busy broker
     * drops one-way sends): the figures are per message stored.
     */
    private void oneway(EmbeddedBroker broker, Producer producer, String topic, int threads, int perThread)
            throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch sent = new CountDownLatch(threads);
        CountDownLatch measured = new CountDownLatch(1);
        List<Thread> senders = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                try {
                    go.await();
                    for (int i = 0; i < perThread; i++) {
                        producer.sendOneway(new Message(topic, body()));
                    }
                    sent.countDown();
                    measured.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "probe-oneway-" + t);
            thread.start();
            senders.add(thread);
        }
        long total = (long) threads * perThread;
        long storedBefore = broker.messageStore().stats().putMessageCount();
        long before = System.nanoTime();
        AtomicLong stored = new AtomicLong();
        ScenarioCosts costs = measure("one-way (" + threads + " threads)", total, null, () -> {
            go.countDown();
            sent.await();
            long lastProgress = System.nanoTime();
            while (stored.get() < total
                    && System.nanoTime() - lastProgress < TimeUnit.MILLISECONDS.toNanos(ONEWAY_SETTLE_MILLIS)) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
                long now = broker.messageStore().stats().putMessageCount() - storedBefore;
                if (now != stored.getAndSet(now)) {
                    lastProgress = System.nanoTime();
                }
            }
        });
        results.add(new ScenarioCosts(costs.name(), Math.max(1, stored.get()), costs.costs(), costs.gcCount(),
                costs.gcMillis(), null));
        double seconds = (System.nanoTime() - before) / 1e9;
        measured.countDown();
        for (Thread thread : senders) {
            thread.join();
        }
        System.out.printf("one-way: %,d of %,d messages stored in %.1f s (%,.0f msg/s; machine load %s)%n",
                stored.get(), total, seconds, stored.get() / seconds, Machine.loadAverage());
    }

    private String createTopic(EmbeddedBroker broker, String topic) {
        broker.runtime().topics().createOrUpdate(TopicConfig.of(topic, queues));
        return topic;
    }

    private static ConsumerConfig consumerConfig(String group, String topic) {
        return ConsumerConfig.builder(group).subscribe(Subscription.all(topic))
                .consumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET).consumeBatchSize(1).build();
    }

    private static MqClient client(EmbeddedBroker broker, String role) {
        return MqClient.create(ClientConfig.builder().nameServer(broker.address()).instanceName("probe-" + role)
                .requestTimeout(Duration.ofSeconds(30)).build());
    }

    /** Runs the application's sending work on its thread ({@link ThreadRole#CLIENT_CALLER}). */
    private Future<?> onCaller(Runnable work) {
        return caller.submit(work);
    }

    private static long[] gc() {
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, bean.getCollectionCount());
            millis += Math.max(0, bean.getCollectionTime());
        }
        return new long[] {count, millis};
    }

    String report(Instant started, String loadBefore, String loadAfter) {
        return new AllocationReport(results, bodySize, rate, warmup, started, loadBefore, loadAfter).render();
    }

    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
