package io.nimbusmq.benchmark.load;

import io.nimbusmq.benchmark.metrics.ProcFs;

/**
 * The measured part of a scenario: wall time, CPU time of the broker JVM and of this load generator JVM, and the CPU
 * every other process used meanwhile (noise from a shared machine), between {@link #start} and {@link #stop}.
 */
public final class MeasuredPeriod {

    private final long brokerPid;
    private final long ownPid = ProcessHandle.current().pid();
    private final long startNanos;
    private final double brokerCpuAtStart;
    private final double ownCpuAtStart;
    private final double machineAtStart;

    private MeasuredPeriod(long brokerPid) {
        this.brokerPid = brokerPid;
        this.brokerCpuAtStart = ProcFs.cpuSeconds(brokerPid);
        this.ownCpuAtStart = ProcFs.cpuSeconds(ownPid);
        this.machineAtStart = ProcFs.machineBusySeconds();
        this.startNanos = System.nanoTime();
    }

    public static MeasuredPeriod start(long brokerPid) {
        return new MeasuredPeriod(brokerPid);
    }

    public long startNanos() {
        return startNanos;
    }

    public Measured stop() {
        return stopAt(System.nanoTime());
    }

    /** Ends the period at {@code endNanos} (a moment just passed, such as the last receipt); CPU is read now. */
    public Measured stopAt(long endNanos) {
        double broker = ProcFs.cpuSeconds(brokerPid) - brokerCpuAtStart;
        double own = ProcFs.cpuSeconds(ownPid) - ownCpuAtStart;
        double machine = ProcFs.machineBusySeconds() - machineAtStart;
        double seconds = (endNanos - startNanos) / 1e9;
        double cpuSeconds = (System.nanoTime() - startNanos) / 1e9;
        double other = cpuSeconds > 0 ? Math.max(0, (machine - broker - own) / cpuSeconds * 100) : 0;
        return new Measured(seconds, broker, own, other);
    }

    public record Measured(double seconds, double brokerCpuSeconds, double clientCpuSeconds, double otherCpuPercent) {
    }
}
