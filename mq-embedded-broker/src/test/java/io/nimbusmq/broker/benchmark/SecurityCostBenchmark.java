package io.nimbusmq.broker.benchmark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.nimbusmq.testkit.TestCertificates;
import org.apache.rocketmq.acl.common.AclClientRPCHook;
import org.apache.rocketmq.acl.common.SessionCredentials;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.message.Message;

/**
 * The broker's CPU per message with TLS or ACL 1.0 on, against off: a standalone broker
 * ({@code BrokerLauncher}, this JVM's class path) in its own JVM, the official 5.3.1 producer here sending 1 KiB
 * messages synchronously from 4 threads for a fixed time, and the broker process's CPU time (user + system, all
 * threads, from the OS) over that time, less what the idle broker uses in as long, divided by the messages sent.
 * Modes alternate (off, TLS, ACL, off, TLS, ACL, ...) so that a change in the machine's load hits all of them.
 *
 * <p>Run: {@code java -cp <test classpath> io.nimbusmq.broker.benchmark.SecurityCostBenchmark [seconds] [rounds]}
 * (defaults 20 and 2). TLS is the JDK's (netty-tcnative is not on the class path), TLS 1.3 with a self-signed RSA
 * 2048 certificate; the producer trusts any certificate, as the official client does by default.
 */
public final class SecurityCostBenchmark {

    private static final int THREADS = 4;
    private static final int BODY_BYTES = 1024;
    private static final String TOPIC = "security-cost";

    private enum Mode { OFF, TLS, ACL }

    private SecurityCostBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        System.setProperty("rocketmq.client.logUseSlf4j", "true");
        Path dir = Files.createTempDirectory("security-cost-");
        TestCertificates.Pem certificate = TestCertificates.selfSigned(dir.resolve("certs"), "broker");
        Path acl = Files.writeString(dir.resolve("plain_acl.yml"), """
                accounts:
                  - accessKey: producer-user
                    secretKey: producer-secret
                    defaultTopicPerm: DENY
                    defaultGroupPerm: SUB
                    topicPerms: [security-cost=PUB, TBW102=PUB]
                """);
        for (int round = 1; round <= rounds; round++) {
            for (Mode mode : Mode.values()) {
                Path store = dir.resolve("store-" + mode + "-" + round);
                List<String> options = switch (mode) {
                    case OFF -> List.of();
                    case TLS -> List.of("--tls-mode", "enforcing", "--tls-cert", certificate.certificate().toString(),
                            "--tls-key", certificate.privateKey().toString());
                    case ACL -> List.of("--acl-enable", "true", "--acl-file", acl.toString());
                };
                Result result = measure(mode, store, options, seconds);
                System.out.printf("round %d %-3s: %8d messages in %d s (%6.0f/s), broker CPU %6.2f s busy, %5.2f s "
                        + "idle-equivalent, %6.1f us per message%n", round, mode, result.messages(), seconds,
                        result.messages() / (double) seconds, result.busyCpuSeconds(), result.idleCpuSeconds(),
                        result.microsPerMessage());
            }
        }
    }

    private record Result(long messages, double busyCpuSeconds, double idleCpuSeconds) {
        double microsPerMessage() {
            return (busyCpuSeconds - idleCpuSeconds) * 1e6 / messages;
        }
    }

    private static Result measure(Mode mode, Path store, List<String> options, int seconds) throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-XX:+UseG1GC", "-cp", System.getProperty("java.class.path"),
                "io.nimbusmq.broker.standalone.BrokerLauncher", "--port", String.valueOf(port), "--bind-host",
                "127.0.0.1", "--store-dir", store.toString(), "--auto-create-topic", "true"));
        command.addAll(options);
        Files.createDirectories(store);
        Process broker = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(store.resolve("broker.log").toFile()).start();
        List<DefaultMQProducer> producers = new ArrayList<>();
        try {
            for (int i = 0; i < THREADS; i++) {
                producers.add(producer(mode, "127.0.0.1:" + port, i));
            }
            awaitFirstSend(producers.get(0), broker);
            send(producers, Duration.ofSeconds(5));
            double idleStart = cpuSeconds(broker);
            Thread.sleep(5_000);
            double idlePerSecond = (cpuSeconds(broker) - idleStart) / 5;
            double busyStart = cpuSeconds(broker);
            long messages = send(producers, Duration.ofSeconds(seconds));
            double busy = cpuSeconds(broker) - busyStart;
            return new Result(messages, busy, idlePerSecond * seconds);
        } finally {
            producers.forEach(DefaultMQProducer::shutdown);
            broker.destroy();
            broker.waitFor();
        }
    }

    private static DefaultMQProducer producer(Mode mode, String address, int index) throws Exception {
        DefaultMQProducer producer = mode == Mode.ACL ? new DefaultMQProducer("security-cost-" + index,
                new AclClientRPCHook(new SessionCredentials("producer-user", "producer-secret")))
                : new DefaultMQProducer("security-cost-" + index);
        producer.setNamesrvAddr(address);
        producer.setInstanceName("security-cost-" + mode + "-" + index + "-" + System.nanoTime());
        producer.setUseTLS(mode == Mode.TLS);
        producer.setSendMsgTimeout(10_000);
        producer.start();
        return producer;
    }

    private static void awaitFirstSend(DefaultMQProducer producer, Process broker) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            try {
                producer.send(new Message(TOPIC, new byte[BODY_BYTES]));
                return;
            } catch (Exception e) {
                if (!broker.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("the broker did not take a message: " + e, e);
                }
                Thread.sleep(200);
            }
        }
    }

    /** Sends from one thread per producer until {@code duration} is over; returns how many were stored. */
    private static long send(List<DefaultMQProducer> producers, Duration duration) throws InterruptedException {
        AtomicLong sent = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (DefaultMQProducer producer : producers) {
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < end) {
                    try {
                        producer.send(new Message(TOPIC, new byte[BODY_BYTES]));
                        sent.incrementAndGet();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return sent.get();
    }

    private static double cpuSeconds(Process process) {
        return process.info().totalCpuDuration().orElseThrow().toNanos() / 1e9;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }
}
