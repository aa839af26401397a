package io.nimbusmq.benchmark.alloc;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the threads of this JVM cost, summed per {@link ThreadRole}: bytes allocated and CPU time (from
 * {@link com.sun.management.ThreadMXBean}) and voluntary context switches, i.e. how often a thread blocked and was
 * woken again (from {@code /proc/self/task/<tid>/status}, matched by the thread's name as the kernel keeps it, its
 * first 15 characters; zero where there is no {@code /proc}).
 *
 * <p>A snapshot counts the threads alive when it is taken; {@link #minus} gives what happened in between, so a thread
 * that ends in between loses its share (the probe's threads live through a scenario).
 */
public record ThreadCosts(Map<ThreadRole, Cost> byRole) {

    /** Bytes allocated, CPU nanoseconds and voluntary context switches of one role's threads. */
    public record Cost(long allocatedBytes, long cpuNanos, long wakeUps) {

        static final Cost ZERO = new Cost(0, 0, 0);

        Cost plus(Cost other) {
            return new Cost(allocatedBytes + other.allocatedBytes, cpuNanos + other.cpuNanos,
                    wakeUps + other.wakeUps);
        }

        Cost minus(Cost other) {
            return new Cost(allocatedBytes - other.allocatedBytes, cpuNanos - other.cpuNanos,
                    wakeUps - other.wakeUps);
        }
    }

    /** The costs of every live thread of this JVM now. */
    public static ThreadCosts snapshot() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Map<ThreadRole, Cost> byRole = new LinkedHashMap<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            long id = thread.getId();
            long bytes = Math.max(0, threads.getThreadAllocatedBytes(id));
            long cpu = Math.max(0, threads.getThreadCpuTime(id));
            byRole.merge(ThreadRole.of(thread.getName()), new Cost(bytes, cpu, 0), Cost::plus);
        }
        taskWakeUps().forEach((role, wakeUps) -> byRole.merge(role, new Cost(0, 0, wakeUps), Cost::plus));
        return new ThreadCosts(byRole);
    }

    /** What happened between {@code earlier} and this snapshot, per role. */
    public ThreadCosts minus(ThreadCosts earlier) {
        Map<ThreadRole, Cost> delta = new LinkedHashMap<>();
        for (ThreadRole role : ThreadRole.values()) {
            Cost now = byRole.getOrDefault(role, Cost.ZERO);
            delta.put(role, now.minus(earlier.byRole.getOrDefault(role, Cost.ZERO)));
        }
        return new ThreadCosts(delta);
    }

    public Cost of(ThreadRole role) {
        return byRole.getOrDefault(role, Cost.ZERO);
    }

    /** The sum over {@code roles}. */
    public Cost of(List<ThreadRole> roles) {
        return roles.stream().map(this::of).reduce(Cost.ZERO, Cost::plus);
    }

    private static Map<ThreadRole, Long> taskWakeUps() {
        Map<ThreadRole, Long> byRole = new LinkedHashMap<>();
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return byRole;
        }
        try (Stream<Path> list = Files.list(tasks)) {
            for (Path task : list.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).trim();
                    long switches = voluntarySwitches(Files.readAllLines(task.resolve("status")));
                    byRole.merge(ThreadRole.of(name), switches, Long::sum);
                } catch (IOException ended) {
                    // the thread ended while we looked
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return byRole;
    }

    static long voluntarySwitches(List<String> statusLines) {
        for (String line : statusLines) {
            if (line.startsWith("voluntary_ctxt_switches:")) {
                return Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        return 0;
    }
}
