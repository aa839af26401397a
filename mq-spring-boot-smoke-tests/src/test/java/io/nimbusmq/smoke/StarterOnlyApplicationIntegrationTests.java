package io.nimbusmq.smoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An application built with the starter alone ({@link StarterOnlyApplication}), run in its own JVM on exactly the
 * runtime classpath Maven gives an application that depends on {@code mq-spring-boot-starter}, against the
 * standalone broker run from its jar in a third JVM.
 */
class StarterOnlyApplicationIntegrationTests {

    private static final Pattern READY = Pattern.compile("ready at ([0-9.]+):(\\d+)");
    private static final Pattern SMOKE = Pattern.compile("SMOKE received=(\\d+)/(\\d+) firstMessageMillis=(-?\\d+) "
            + "startedMillis=(\\d+) brokerClassesLoadable=\\[(.*)]");
    /** Ceiling for one JVM to finish; the application's own wait for its messages is below it. */
    private static final Duration APPLICATION_CEILING = Duration.ofMinutes(3);

    @TempDir
    static Path dir;
    private static Process broker;
    private static String brokerAddress;

    @BeforeAll
    static void startStandaloneBroker() throws IOException {
        Path log = dir.resolve("broker.log");
        broker = new ProcessBuilder(java(), "-Xmx256m", "-jar", System.getProperty("smoke.brokerJar"),
                "--bind-host", "127.0.0.1", "--port", "0", "--vip-channel-enabled", "false",
                "--auto-create-topic", "true", "--store-dir", dir.resolve("broker-data").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        await().atMost(Duration.ofMinutes(1)).until(() -> READY.matcher(Files.readString(log)).find()
                || !broker.isAlive());
        Matcher ready = READY.matcher(Files.readString(log));
        assertThat(ready.find()).as("standalone broker started:%n%s", Files.readString(log)).isTrue();
        brokerAddress = ready.group(1) + ":" + ready.group(2);
    }

    @AfterAll
    static void stopStandaloneBroker() {
        if (broker != null) {
            broker.destroyForcibly();
        }
    }

    @Test
    void theApplicationsClasspathHoldsTheClientAndNoBroker() throws IOException {
        List<String> jars = applicationClasspath().stream().map(path -> Path.of(path).getFileName().toString())
                .toList();
        assertThat(jars).anyMatch(jar -> jar.startsWith("mq-client-")).anyMatch(jar -> jar.startsWith("mq-remoting-"))
                .anyMatch(jar -> jar.startsWith("mq-message-"))
                .noneMatch(jar -> jar.startsWith("mq-embedded-broker-") || jar.startsWith("mq-core-store-")
                        || jar.startsWith("spring-test-")
                        || jar.startsWith("junit-"));
    }

    @Test
    void sendsAndReceivesThroughAStandaloneBrokerWithNoBrokerClassLoadable() throws Exception {
        // budgets from the test's patience, not the 3 s defaults: on a busy machine a request may be slow, not wrong
        RunResult run = runApplication("--mq.name-server=" + brokerAddress, "--mq.producer.send-timeout=30s",
                "--mq.client.request-timeout=30s");
        Matcher smoke = SMOKE.matcher(run.output());
        assertThat(smoke.find()).as("application output:%n%s", run.output()).isTrue();
        assertThat(smoke.group(1)).isEqualTo(smoke.group(2)).isEqualTo(String.valueOf(StarterOnlyApplication.MESSAGES));
        assertThat(smoke.group(5)).as("broker-side classes loadable in the application").isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.output()).doesNotContain("EMBEDDED Nimbus MQ broker");
        System.out.printf("Starter-only application: started in %s ms, first message after %s ms from JVM start%n",
                smoke.group(4), smoke.group(3));
    }

    @Test
    void withoutANameServerItFailsWithAnAnalysisThatSaysWhatToAdd() throws Exception {
        RunResult run = runApplication();
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output()).contains("APPLICATION FAILED TO START")
                .contains("Nimbus MQ has no broker to connect to: mq.name-server is not set and the embedded broker "
                        + "(io.nimbusmq:mq-embedded-broker) is not on the classpath")
                .contains("<artifactId>mq-embedded-broker</artifactId>")
                .doesNotContain("SMOKE received=");
    }

    private static RunResult runApplication(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx256m", "-cp",
                System.getProperty("smoke.appClasses") + File.pathSeparator
                        + String.join(File.pathSeparator, applicationClasspath()),
                StarterOnlyApplication.class.getName()));
        command.addAll(List.of(args));
        Path output = Files.createTempFile(dir, "app", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                .start();
        try {
            assertThat(process.waitFor(APPLICATION_CEILING.toMillis(), TimeUnit.MILLISECONDS))
                    .as("application finished:%n%s", Files.readString(output)).isTrue();
            return new RunResult(process.exitValue(), Files.readString(output));
        } finally {
            process.destroyForcibly();
        }
    }

    private static List<String> applicationClasspath() throws IOException {
        String classpath = Files.readString(Path.of(System.getProperty("smoke.appClasspathFile"))).strip();
        return List.of(classpath.split(File.pathSeparator));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private record RunResult(int exitCode, String output) {
    }
}
