package io.nimbusmq.broker.standalone;

import static io.nimbusmq.testkit.OfficialClients.patient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.nimbusmq.remoting.netty.NettyRemotingClient;
import io.nimbusmq.remoting.netty.RemotingClientConfig;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.ResponseCode;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the executable jar built by {@code mvn package} as a separate process: it logs its address when ready, serves
 * requests, and on SIGTERM shuts down cleanly (the store's abort marker is gone, offsets are persisted).
 */
class StandaloneBrokerIntegrationTests {

    /** A fresh JVM that reserves a 1 GiB segment before it is ready: slow, not wrong, on a machine whose cores are busy. */
    private static final Duration READY_PATIENCE = Duration.ofMinutes(2);
    private static final long CALL_MILLIS = 30_000;
    private static final Pattern READY = Pattern.compile("ready at ([0-9.]+):(\\d+)");
    private static final List<String> SMALL_STORE = List.of("--commit-log-segment-size", "8MB",
            "--consume-queue-file-size", "64KB", "--index-file-size", "2MB");

    @TempDir
    Path dir;

    private static Path standaloneJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().endsWith("-standalone.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("run mvn package first: no standalone jar"));
        }
    }

    @Test
    void startsFromTheJarWithAConfigFileAndStopsCleanlyOnSigterm() throws Exception {
        Path config = dir.resolve("broker.yml");
        Files.writeString(config, "bind-host: 127.0.0.1\nport: 0\nauto-create-topic: true\nbroker-name: jar-broker\n"
                + "vip-channel-enabled: false\n");
        Path log = dir.resolve("broker.log");
        Path storeDir = dir.resolve("data");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx128m", "-jar", standaloneJar().toString(),
                "--config", config.toString(), "--store-dir", storeDir.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            await().atMost(READY_PATIENCE).until(() -> READY.matcher(Files.readString(log)).find());
            Matcher ready = READY.matcher(Files.readString(log));
            assertThat(ready.find()).isTrue();
            String address = ready.group(1) + ":" + ready.group(2);

            try (NettyRemotingClient client = new NettyRemotingClient(RemotingClientConfig.defaults())) {
                RemotingCommand route = client.invokeSync(address, RemotingCommand
                        .createRequest(RequestCode.GET_ROUTEINFO_BY_TOPIC).putExtField("topic", "TBW102"), CALL_MILLIS)
                        .get();
                assertThat(route.code()).isEqualTo(ResponseCode.SUCCESS);
                assertThat(new String(route.body(), StandardCharsets.UTF_8)).contains("jar-broker");
                RemotingCommand commit = RemotingCommand.createRequest(RequestCode.UPDATE_CONSUMER_OFFSET)
                        .putExtField("consumerGroup", "g1").putExtField("topic", "T").putExtField("queueId", 0)
                        .putExtField("commitOffset", 42);
                assertThat(client.invokeSync(address, commit, CALL_MILLIS).get().code()).isEqualTo(ResponseCode.SUCCESS);
            }
            process.destroy();
            assertThat(process.waitFor()).isIn(0, 143);
            assertThat(storeDir.resolve("store/abort")).doesNotExist();
            assertThat(Files.readString(storeDir.resolve("config/consumerOffset.json"))).contains("T@g1")
                    .contains("42");
            assertThat(Files.readString(log)).contains("Broker jar-broker stopped");
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void aBadOptionFailsWithAClearMessage() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-jar", standaloneJar().toString(), "--no-such", "1"))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).isEqualTo(2);
        assertThat(output).contains("unknown setting 'no-such'");
    }

    /**
     * A 48 MiB volume: with production sizes the first 1 GiB segment does not fit and sends fail with "disk full";
     * with store files sized for it, the same volume takes messages across several segments.
     */
    @Test
    void aSmallVolumeTakesMessagesOnceTheStoreFilesAreSizedForIt() throws Exception {
        Path volume = Files.createDirectories(dir.resolve("volume"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=48m", "tmpfs", volume.toString()),
                "mounting a tmpfs needs root");
        try {
            try (Standalone broker = Standalone.start(volume.resolve("default"), List.of())) {
                assertThatThrownBy(() -> sendBatch(broker.address(), 1)).hasStackTraceContaining("disk full");
            }
            try (Standalone broker = Standalone.start(volume.resolve("small"), List.of("--commit-log-segment-size",
                    "8MB", "--consume-queue-file-size", "64KB", "--index-file-size", "2MB"))) {
                sendBatch(broker.address(), 600);
                try (Stream<Path> segments = Files.list(volume.resolve("small/store/commitlog"))) {
                    assertThat(segments.filter(p -> !p.toString().endsWith(".alloc")).count()).isGreaterThan(1);
                }
            }
        } finally {
            assertThat(run("umount", volume.toString())).isTrue();
        }
    }

    /**
     * The build writes a class-data sharing archive next to the jar (CdsTraining): started with it, the broker's classes
     * come from the archive, and the broker serves.
     */
    @Test
    void startsWithTheClassDataSharingArchiveBuiltNextToTheJar() throws Exception {
        Path jar = standaloneJar();
        Path archive = archiveOf(jar);
        Path classLog = dir.resolve("classes.log");
        try (Standalone broker = Standalone.start(jar, List.of("-XX:SharedArchiveFile=" + archive.getFileName(),
                "-Xlog:class+load=info:file=" + classLog), dir.resolve("data"), SMALL_STORE)) {
            sendBatch(broker.address(), 1);
        }
        assertThat(Files.readString(classLog))
                .contains("io.nimbusmq.broker.EmbeddedBroker source: shared objects file (top)")
                .contains("io.nimbusmq.broker.processor.SendMessageProcessor source: shared objects file (top)");
    }

    /** The archive is tied to the jar it was built from: with another jar the JVM warns and starts without it. */
    @Test
    void aJarThatIsNotTheArchivesStartsWithoutTheArchive() throws Exception {
        Path jar = standaloneJar();
        Path archive = archiveOf(jar);
        Path copies = Files.createDirectories(dir.resolve("copies"));
        Path otherJar = copies.resolve(jar.getFileName());
        Files.copy(jar, otherJar);
        Files.setLastModifiedTime(otherJar, FileTime.fromMillis(
                Files.getLastModifiedTime(jar).toMillis() + 60_000));
        Files.copy(archive, copies.resolve(archive.getFileName()));
        try (Standalone broker = Standalone.start(otherJar, List.of("-XX:SharedArchiveFile="
                + archive.getFileName()), dir.resolve("data"), SMALL_STORE)) {
            sendBatch(broker.address(), 1);
            assertThat(Files.readString(broker.log())).contains("Unable to use shared archive");
        }
    }

    /** The archive the build wrote for this jar; absent (the test is skipped) when built with -Dcds.skip=true. */
    private static Path archiveOf(Path jar) throws IOException {
        Path archive = jar.resolveSibling(jar.getFileName().toString().replaceAll("\\.jar$", ".jsa"));
        assumeTrue(Files.exists(archive) && Files.getLastModifiedTime(archive).compareTo(
                Files.getLastModifiedTime(jar)) >= 0, "the build skipped the archive (-Dcds.skip=true)");
        return archive;
    }

    /** Sends {@code count} messages of 16 random KiB (the client would compress zeros) with the official producer. */
    private static void sendBatch(String address, int count) throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer("small-volume-" + System.nanoTime());
        producer.setNamesrvAddr(address);
        producer.setInstanceName("small-volume-" + System.nanoTime());
        patient(producer);
        producer.start();
        try {
            byte[] body = new byte[16 * 1024];
            new Random(count).nextBytes(body);
            for (int i = 0; i < count; i++) {
                SendResult result = producer.send(new Message("SmallVolume", body), 30_000);
                assertThat(result.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
            }
        } finally {
            producer.shutdown();
        }
    }

    private static boolean run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    }

    /** The standalone jar running in its own process, SYNC_FLUSH, with an embedded name server on a free port. */
    private record Standalone(Process process, String address, Path log) implements AutoCloseable {

        static Standalone start(Path storeDir, List<String> options) throws Exception {
            return start(standaloneJar(), List.of(), storeDir, options);
        }

        /** Runs {@code java JVM-OPTIONS -jar JAR-FILE-NAME OPTIONS} in the jar's directory, as docs/broker.md shows. */
        static Standalone start(Path jar, List<String> jvmOptions, Path storeDir, List<String> options)
                throws Exception {
            Files.createDirectories(storeDir);
            Path log = storeDir.resolveSibling(storeDir.getFileName() + ".log");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Xmx128m"));
            command.addAll(jvmOptions);
            command.addAll(List.of("-jar", jar.getFileName().toString(), "--bind-host", "127.0.0.1",
                    "--port", "0", "--vip-channel-enabled", "false", "--auto-create-topic", "true", "--flush-mode",
                    "SYNC_FLUSH", "--store-dir", storeDir.toAbsolutePath().toString()));
            command.addAll(options);
            Process process = new ProcessBuilder(command).directory(jar.toAbsolutePath().getParent().toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                await().atMost(READY_PATIENCE).until(() -> READY.matcher(Files.readString(log)).find());
            } catch (RuntimeException e) {
                process.destroyForcibly();
                throw e;
            }
            Matcher ready = READY.matcher(Files.readString(log));
            assertThat(ready.find()).isTrue();
            return new Standalone(process, ready.group(1) + ":" + ready.group(2), log);
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
