package io.nimbusmq.benchmark.threads;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import io.nimbusmq.benchmark.report.Machine;
import io.nimbusmq.broker.EmbeddedBroker;
import io.nimbusmq.client.ClientConfig;
import io.nimbusmq.client.Message;
import io.nimbusmq.client.MqClient;
import io.nimbusmq.client.producer.Producer;
import io.nimbusmq.client.producer.ProducerConfig;
import io.nimbusmq.remoting.protocol.body.TopicConfig;

/**
 * The listener consume pool on virtual against platform threads, same concurrency limit: an embedded broker in this
 * JVM holds a backlog of {@code messages} (4 queues, written before each run, not measured) per run; each run is a
 * {@link ConsumePoolRun} in a JVM of its own ({@code -Xmx256m}, the same java as this one), alternating platform and
 * virtual for {@code rounds} rounds. Prints per run the throughput, the consumer JVM's peak RSS and VmHWM, its peak
 * live platform threads, and the machine's load average before and after. Virtual threads need Java 21+.
 *
 * <pre>
 * java -cp ... io.nimbusmq.benchmark.threads.ConsumePoolComparison [messages=50000] [consumeThreads=256]
 *     [workMillis=10] [rounds=2]
 * </pre>
 */
public final class ConsumePoolComparison {

    private static final int QUEUES = 4;
    private static final int BATCH = 32;
    private static final int BODY_BYTES = 256;

    private ConsumePoolComparison() {
    }

    /** One measured run. */
    record Run(String mode, double seconds, long peakRssBytes, long hwmBytes, long peakThreads, String loadBefore,
            String loadAfter) {

        double messagesPerSecond(int messages) {
            return messages / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 256;
        long workMillis = args.length > 2 ? Long.parseLong(args[2]) : 10;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        if (Runtime.version().feature() < 21) {
            throw new IllegalStateException("virtual threads need Java 21+; run this with a newer java (this is "
                    + Runtime.version() + ")");
        }
        Path store = Files.createTempDirectory("consume-pool-");
        Machine machine = Machine.describe(store);
        List<Run> runs = new ArrayList<>();
        try (EmbeddedBroker broker = EmbeddedBroker.builder().port(0).storeDir(store).build()) {
            broker.start();
            try (MqClient client = MqClient.create(ClientConfig.builder().nameServer(broker.address())
                    .instanceName("consume-pool-loader").requestTimeout(Duration.ofSeconds(10)).build())) {
                for (int round = 0; round < rounds; round++) {
                    for (String mode : List.of("platform", "virtual")) {
                        String topic = backlog(broker, client, "pool-" + mode + "-" + round, messages);
                        runs.add(run(broker.address(), topic, mode, messages, threads, workMillis));
                    }
                }
            }
        } finally {
            try (Stream<Path> paths = Files.walk(store)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        System.out.printf("consume pool: %d messages of %d bytes, %d queues, consumeThreads %d, each call sleeps "
                + "%d ms; %s, %d cores, %s; consumer JVMs -Xmx256m%n", messages, BODY_BYTES, QUEUES, threads,
                workMillis, machine.cpuModel(), machine.cores(), machine.java());
        System.out.println("| Threads | msgs/s | peak RSS MiB | VmHWM MiB | peak platform threads | load before | "
                + "load after |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (Run run : runs) {
            System.out.printf("| %s | %,.0f | %.0f | %.0f | %d | %s | %s |%n", run.mode(),
                    run.messagesPerSecond(messages), run.peakRssBytes() / 1048576.0, run.hwmBytes() / 1048576.0,
                    run.peakThreads(), run.loadBefore(), run.loadAfter());
        }
    }

    private static String backlog(EmbeddedBroker broker, MqClient client, String topic, int messages) {
        broker.runtime().topics().createOrUpdate(TopicConfig.of(topic, QUEUES));
        Producer producer = client.producer(ProducerConfig.builder(topic + "-loader")
                .sendTimeout(Duration.ofSeconds(30)).build()); // the machine may be busy: no timeout on a cold route
        producer.start();
        List<Message> batch = new ArrayList<>();
        for (int i = 0; i < messages; i++) {
            batch.add(new Message(topic, new byte[BODY_BYTES]));
            if (batch.size() == BATCH || i == messages - 1) {
                producer.sendBatch(batch);
                batch.clear();
            }
        }
        producer.close();
        return topic;
    }

    private static Run run(String nameServer, String topic, String mode, int messages, int threads, long workMillis)
            throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        String loadBefore = Machine.loadAverage();
        Process child = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                ConsumePoolRun.class.getName(), nameServer, topic, mode, Integer.toString(messages),
                Integer.toString(threads), Long.toString(workMillis)).redirectErrorStream(true).start();
        String result = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("RESULT ")) {
                    result = line;
                }
            }
        }
        if (child.waitFor() != 0 || result == null) {
            throw new IllegalStateException("the " + mode + " run failed (exit " + child.exitValue() + ")");
        }
        String[] f = result.split(" ");
        return new Run(mode, Double.parseDouble(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]),
                Long.parseLong(f[4]), loadBefore, Machine.loadAverage());
    }
}
