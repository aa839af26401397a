package io.nimbusmq.benchmark.metrics;

/**
 * How busy the machine was during a measured period, beside the figures it produced.
 *
 * @param otherCpuPercent   CPU of everything but the broker and the load generator JVMs (the kernel's own threads
 *                          included: page-cache writeback and the like, which a broker's writes cause), 100 = one core
 * @param foreignCpuPercent CPU of user-space processes that are not part of the measurement (neither the broker,
 *                          nor the load generator, nor the processes that started it), 100 = one core: work that
 *                          competes with the measurement and that the measurement did not cause
 * @param loadAverage       the 1-minute load average at the end of the period, or -1 if unknown
 */
public record MachineLoad(double otherCpuPercent, double foreignCpuPercent, double loadAverage) {

    /** Foreign CPU from which a side of a comparison counts as measured on a busy machine: a tenth of a core. */
    public static final double BUSY_FOREIGN_CPU_PERCENT = 10;

    public static final MachineLoad UNKNOWN = new MachineLoad(0, 0, -1);

    /** True if foreign processes competed with the measurement (see {@link #BUSY_FOREIGN_CPU_PERCENT}). */
    public boolean busy() {
        return foreignCpuPercent >= BUSY_FOREIGN_CPU_PERCENT;
    }
}
