package io.nimbusmq.benchmark.load;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.nimbusmq.benchmark.metrics.MachineLoad;
import io.nimbusmq.benchmark.metrics.ProcFs;

/**
 * The measured part of a scenario: wall time, CPU time of the broker JVM and of this load generator JVM, and how busy
 * the rest of the machine was meanwhile ({@link MachineLoad}), between {@link #start} and {@link #stop}.
 *
 * <p>Foreign CPU leaves out the broker, this JVM and the processes that started it (the comparison's coordinator JVM,
 * Maven, the shell), but not pid 1: they belong to the measurement.
 */
public final class MeasuredPeriod {

    private final long brokerPid;
    private final long ownPid = ProcessHandle.current().pid();
    private final Set<Long> measurement;
    private final long startNanos;
    private final double brokerCpuAtStart;
    private final double ownCpuAtStart;
    private final double machineAtStart;
    private final Map<Long, Long> foreignAtStart;

    private MeasuredPeriod(long brokerPid) {
        this.brokerPid = brokerPid;
        this.measurement = measurementProcesses(brokerPid);
        this.foreignAtStart = ProcFs.userProcessTicks(measurement);
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
        double foreign = ProcFs.ticksSince(foreignAtStart, ProcFs.userProcessTicks(measurement))
                / (double) ProcFs.TICKS_PER_SECOND;
        double seconds = (endNanos - startNanos) / 1e9;
        double cpuSeconds = (System.nanoTime() - startNanos) / 1e9;
        double other = cpuSeconds > 0 ? Math.max(0, (machine - broker - own) / cpuSeconds * 100) : 0;
        double foreignPercent = cpuSeconds > 0 ? foreign / cpuSeconds * 100 : 0;
        return new Measured(seconds, broker, own, new MachineLoad(other, foreignPercent, ProcFs.loadAverage()));
    }

    private static Set<Long> measurementProcesses(long brokerPid) {
        Set<Long> pids = new HashSet<>();
        pids.add(brokerPid);
        Optional<ProcessHandle> p = Optional.of(ProcessHandle.current());
        while (p.isPresent() && p.get().pid() > 1) {
            pids.add(p.get().pid());
            p = p.get().parent();
        }
        return pids;
    }

    public record Measured(double seconds, double brokerCpuSeconds, double clientCpuSeconds, MachineLoad load) {
    }
}
