package io.nimbusmq.broker.benchmark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.constant.PermName;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;

/**
 * One launch of the standalone jar ({@code java [-XX:SharedArchiveFile=...] -jar ...-standalone.jar}) timed the way
 * mq-benchmark's comparison times it: from starting the process to the first successful send of the official client,
 * prepared before the launch, which polls every 10 ms until the port accepts connections, creates the topic through
 * the admin API, and sends. The broker runs on loopback with a fresh store and is stopped with SIGTERM afterwards.
 */
final class StandaloneLaunch {

    private static final String TOPIC = "startup_probe";
    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(120);
    private static int launches;

    private StandaloneLaunch() {
    }

    /** Milliseconds from process start to the first successful send; {@code archive} null runs without AppCDS. */
    static long launchToFirstSend(Path jar, Path archive) throws Exception {
        int port = freePort();
        String address = "127.0.0.1:" + port;
        String instance = "startup-probe-" + ProcessHandle.current().pid() + "-" + (++launches);
        DefaultMQAdminExt admin = new DefaultMQAdminExt(1_000);
        admin.setNamesrvAddr(address);
        admin.setInstanceName(instance + "-admin");
        admin.start();
        DefaultMQProducer producer = new DefaultMQProducer("startup_probe_producer");
        producer.setNamesrvAddr(address);
        producer.setInstanceName(instance + "-producer");
        producer.setSendMsgTimeout(1_000);
        producer.setRetryTimesWhenSendFailed(0);
        producer.start();
        Path work = Files.createTempDirectory("nimbus-standalone-startup");
        Path store = work.resolve("data");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        if (archive != null) {
            command.add("-XX:SharedArchiveFile=" + archive.getFileName());
        }
        command.addAll(List.of("-jar", jar.getFileName().toString(), "--bind-host", "127.0.0.1", "--port",
                String.valueOf(port), "--store-dir", store.toString(), "--vip-channel-enabled", "false",
                "--commit-log-segment-size", "64MiB"));
        long begin = System.nanoTime();
        Process broker = new ProcessBuilder(command).directory(jar.getParent().toFile())
                .redirectErrorStream(true).redirectOutput(work.resolve("broker.log").toFile())
                .start();
        try {
            return (awaitFirstSend(broker, port, admin, producer) - begin) / 1_000_000;
        } finally {
            producer.shutdown(); // before the broker stops: the clients unregister from it
            admin.shutdown();
            broker.destroy();
            broker.waitFor(60, TimeUnit.SECONDS);
            BrokerStartupBenchmark.delete(work);
        }
    }

    private static long awaitFirstSend(Process broker, int port, DefaultMQAdminExt admin, DefaultMQProducer producer)
            throws Exception {
        long deadline = System.nanoTime() + TIMEOUT_NANOS;
        boolean created = false;
        Exception last = null;
        while (System.nanoTime() < deadline) {
            if (!broker.isAlive()) {
                throw new IllegalStateException("standalone broker exited during start-up: " + broker.exitValue());
            }
            if (accepts(port)) {
                try {
                    if (!created) {
                        admin.createAndUpdateTopicConfig("127.0.0.1:" + port, new TopicConfig(TOPIC, 4, 4,
                                PermName.PERM_READ | PermName.PERM_WRITE));
                        created = true;
                    }
                    if (producer.send(new Message(TOPIC, "ready?".getBytes())).getSendStatus() == SendStatus.SEND_OK) {
                        return System.nanoTime();
                    }
                } catch (Exception e) {
                    last = e;
                }
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("standalone broker not ready in time; last error: " + last);
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
