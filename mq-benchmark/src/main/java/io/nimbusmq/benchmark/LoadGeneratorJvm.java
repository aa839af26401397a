package io.nimbusmq.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.nimbusmq.benchmark.broker.BrokerProcess;
import io.nimbusmq.benchmark.load.LoadGenerator;
import io.nimbusmq.benchmark.load.LoadSettings;
import io.nimbusmq.benchmark.metrics.ResultFile;
import io.nimbusmq.benchmark.metrics.ScenarioResult;

/**
 * Runs a {@link LoadGenerator} in its own JVM (a fresh one per broker run, so neither broker meets a client warmed up
 * by the other), copies its output to a log file, echoes its progress lines, and reads its results.
 */
final class LoadGeneratorJvm {

    private static final Duration TIMEOUT = Duration.ofMinutes(15);

    private LoadGeneratorJvm() {
    }

    static List<ScenarioResult> run(String classpath, LoadSettings settings, Path homeDir, Path log,
            BrokerProcess broker) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xmx1g", "-XX:+UseG1GC", "-Duser.home=" + homeDir, "-cp", classpath,
                LoadGenerator.class.getName()));
        command.addAll(settings.toArgs());
        Files.createDirectories(homeDir);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Thread pump = new Thread(() -> pump(process, log), "bench-loadgen-output");
        pump.setDaemon(true);
        pump.start();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!process.waitFor(1, TimeUnit.SECONDS)) {
            if (!broker.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                process.waitFor();
                pump.join(5_000);
                throw new IllegalStateException(!broker.isAlive() ? "the broker died during the load; see "
                        + broker.log() : "load generator still running after " + TIMEOUT + "; see " + log);
            }
        }
        pump.join(5_000);
        if (process.exitValue() != 0) {
            throw new IllegalStateException("load generator exited with " + process.exitValue() + "; see " + log);
        }
        return ResultFile.read(settings.resultFile());
    }

    private static void pump(Process process, Path log) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
                PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                out.println(line);
                if (line.startsWith("[load ")) {
                    System.out.println("  " + line);
                }
            }
        } catch (IOException e) {
            System.out.println("lost load generator output: " + e);
        }
    }
}
