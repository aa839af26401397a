package io.nimbusmq.benchmark.broker;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.nimbusmq.benchmark.metrics.ProcFs;
import io.nimbusmq.benchmark.metrics.ProcFs.ProcessMemory;

/** A broker JVM started by the comparison, its output in a log file. */
public final class BrokerProcess implements AutoCloseable {

    private final BrokerLaunch launch;
    private final Process process;
    private final long launchedNanos;
    private final Path log;

    private BrokerProcess(BrokerLaunch launch, Process process, long launchedNanos, Path log) {
        this.launch = launch;
        this.process = process;
        this.launchedNanos = launchedNanos;
        this.log = log;
    }

    /** Starts the JVM now; {@link #launchedNanos()} is taken just before. */
    public static BrokerProcess start(BrokerLaunch launch, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(launch.command()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        long launched = System.nanoTime();
        Process process = builder.start();
        return new BrokerProcess(launch, process, launched, log);
    }

    public BrokerLaunch launch() {
        return launch;
    }

    public long pid() {
        return process.pid();
    }

    public long launchedNanos() {
        return launchedNanos;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path log() {
        return log;
    }

    public ProcessMemory memory() {
        return ProcFs.memory(process.pid());
    }

    /** Heap in use after a full GC, -1 if jcmd could not tell. */
    public long heapUsedAfterGc() {
        return JvmDiagnostics.heapUsedAfterGc(process.pid());
    }

    /** SIGTERM, as an operator stops either broker, then waits; kills it if it has not exited within {@code timeout}. */
    public Duration stop(Duration timeout) throws InterruptedException {
        long begin = System.nanoTime();
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        return Duration.ofNanos(System.nanoTime() - begin);
    }

    /** SIGKILL ({@code kill -9}): the JVM gets no chance to flush or shut down; waits until it is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop(Duration.ofSeconds(60));
        }
    }
}
