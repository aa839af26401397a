package io.nimbusmq.broker.drill;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.rocketmq.client.consumer.DefaultMQPullConsumer;
import org.apache.rocketmq.client.consumer.PullResult;
import org.apache.rocketmq.client.consumer.PullStatus;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;

/**
 * Crash drill: the standalone broker (the jar built by {@code mvn package}) is killed with SIGKILL, again and again,
 * under SYNC_FLUSH load from the official client (rocketmq-client), and restarted on the same store each time. Every
 * producer sends each message until it is acknowledged (SEND_OK), as a producer that must not lose data does. At the
 * end the drill reads every queue from the start and counts:
 * <ul>
 * <li><b>acknowledged but missing</b>: a SEND_OK whose message is not in the store. Must be 0; the drill exits
 * with status 1 otherwise;</li>
 * <li><b>duplicates</b>: extra copies of a message: a send whose answer the kill swallowed, sent again;</li>
 * <li><b>stored, never acknowledged</b>: a message in the store whose sender never saw SEND_OK (the last in-flight
 * sends when the load stops).</li>
 * </ul>
 *
 * <p>Run it with {@code mvn -B -pl mq-embedded-broker -am -Pcrash-drill verify -DskipTests} from the repository
 * root. System properties: {@code drill.cycles} (12), {@code drill.producers} (4), {@code drill.loadSeconds} (at most
 * this many seconds of load before each kill, 4), {@code drill.bodyBytes} (1024), {@code drill.dir} (a temporary
 * directory).
 */
public final class CrashDrill {

    private static final String TOPIC = "CrashDrill";
    private static final Pattern READY = Pattern.compile("ready at ");

    private final int cycles = Integer.getInteger("drill.cycles", 12);
    private final int producers = Integer.getInteger("drill.producers", 4);
    private final int loadSeconds = Integer.getInteger("drill.loadSeconds", 4);
    private final int bodyBytes = Integer.getInteger("drill.bodyBytes", 1024);
    private final Path dir;
    private final Path jar;
    private final int port;
    private final Set<String> acked = ConcurrentHashMap.newKeySet();
    private final AtomicLong failedSends = new AtomicLong();
    private final AtomicBoolean loading = new AtomicBoolean(true);
    private Process broker;
    private int starts;

    private CrashDrill(Path dir, Path jar, int port) {
        this.dir = dir;
        this.jar = jar;
        this.port = port;
    }

    public static void main(String[] args) throws Exception {
        String base = System.getProperty("drill.dir");
        Path dir = base == null ? Files.createTempDirectory("crash-drill") : Files.createDirectories(Path.of(base));
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        int missing = new CrashDrill(dir, standaloneJar(), port).run();
        System.exit(missing == 0 ? 0 : 1);
    }

    private int run() throws Exception {
        System.out.printf("Crash drill: %d kill -9 cycles, %d producers, %d B bodies, SYNC_FLUSH, store in %s%n",
                cycles, producers, bodyBytes, dir);
        startBroker();
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int id = p;
            Thread thread = new Thread(() -> produce(id), "drill-producer-" + p);
            thread.start();
            threads.add(thread);
        }
        Random random = new Random(7);
        for (int cycle = 1; cycle <= cycles; cycle++) {
            Thread.sleep(1000 + random.nextInt(loadSeconds * 1000));
            long before = acked.size();
            broker.destroyForcibly();
            broker.waitFor();
            System.out.printf("cycle %2d: killed the broker (SIGKILL) with %d messages acknowledged so far%n", cycle,
                    before);
            startBroker();
        }
        Thread.sleep(2000);
        loading.set(false);
        for (Thread thread : threads) {
            thread.join(TimeUnit.MINUTES.toMillis(2));
        }
        broker.destroy();
        broker.waitFor();
        startBroker();
        try {
            return report(readAll());
        } finally {
            broker.destroy();
            broker.waitFor();
        }
    }

    /** Sends numbered messages, each until it is acknowledged. */
    private void produce(int id) {
        DefaultMQProducer producer = new DefaultMQProducer("drill-producers");
        producer.setNamesrvAddr(address());
        producer.setInstanceName("drill-" + id);
        producer.setSendMsgTimeout(5000);
        byte[] padding = new byte[Math.max(0, bodyBytes - 32)];
        new Random(id).nextBytes(padding);
        try {
            producer.start();
            for (long seq = 0; loading.get(); seq++) {
                String key = id + "-" + seq;
                byte[] body = body(key, padding);
                while (loading.get()) {
                    try {
                        SendResult result = producer.send(new Message(TOPIC, "drill", key, body));
                        if (result.getSendStatus() == SendStatus.SEND_OK) {
                            acked.add(key);
                            break;
                        }
                    } catch (Exception e) {
                        failedSends.incrementAndGet();
                        Thread.sleep(50);
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("producer " + id + " failed", e);
        } finally {
            producer.shutdown();
        }
    }

    private static byte[] body(String key, byte[] padding) {
        byte[] head = (key + "|").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + padding.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(padding, 0, body, head.length, padding.length);
        return body;
    }

    /** Every message of the topic, by key: how often each is stored. */
    private Map<String, Integer> readAll() throws Exception {
        Map<String, Integer> stored = new HashMap<>();
        DefaultMQPullConsumer consumer = new DefaultMQPullConsumer("drill-reader");
        consumer.setNamesrvAddr(address());
        consumer.setInstanceName("drill-reader");
        consumer.start();
        try {
            for (MessageQueue queue : consumer.fetchSubscribeMessageQueues(TOPIC)) {
                long offset = 0;
                while (true) {
                    PullResult result = consumer.pull(queue, "*", offset, 32);
                    if (result.getPullStatus() == PullStatus.FOUND) {
                        for (MessageExt message : result.getMsgFoundList()) {
                            String body = new String(message.getBody(), StandardCharsets.UTF_8);
                            stored.merge(body.substring(0, body.indexOf('|')), 1, Integer::sum);
                        }
                    } else if (result.getPullStatus() == PullStatus.NO_NEW_MSG
                            || result.getNextBeginOffset() <= offset) {
                        break;
                    }
                    offset = result.getNextBeginOffset();
                }
            }
        } finally {
            consumer.shutdown();
        }
        return stored;
    }

    private int report(Map<String, Integer> stored) {
        long missing = acked.stream().filter(key -> !stored.containsKey(key)).count();
        long duplicates = stored.values().stream().mapToLong(count -> count - 1).sum();
        long unacked = stored.keySet().stream().filter(key -> !acked.contains(key)).count();
        System.out.printf("%n| kill -9 cycles | acknowledged (SEND_OK) | acknowledged but missing | duplicates "
                + "| stored, never acknowledged | failed sends (retried) |%n|---:|---:|---:|---:|---:|---:|%n"
                + "| %d | %d | %d | %d | %d | %d |%n", cycles, acked.size(), missing, duplicates, unacked,
                failedSends.get());
        if (missing > 0) {
            System.out.println("FAIL: acknowledged messages are missing: " + acked.stream()
                    .filter(key -> !stored.containsKey(key)).sorted(Comparator.naturalOrder()).limit(20).toList());
        } else {
            System.out.println("PASS: every acknowledged message is in the store");
        }
        return (int) Math.min(Integer.MAX_VALUE, missing);
    }

    private void startBroker() throws Exception {
        Path log = dir.resolve("broker-" + (++starts) + ".log");
        broker = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-jar", jar.toString(), "--bind-host", "127.0.0.1", "--port", String.valueOf(port),
                "--auto-create-topic", "true", "--flush-mode", "SYNC_FLUSH", "--store-dir",
                dir.resolve("data").toString(), "--commit-log-segment-size", "64MB", "--index-file-size", "16MB")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!READY.matcher(Files.readString(log)).find()) {
            if (!broker.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the broker did not start; see " + log);
            }
            Thread.sleep(20);
        }
    }

    private String address() {
        return "127.0.0.1:" + port;
    }

    private static Path standaloneJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().endsWith("-standalone.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no standalone jar in target: run mvn package"));
        }
    }
}
