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
 * <p>A snapshot keeps each thread's own counters; {@link #minus} gives what happened in between, thread by thread:
 * a thread started in between counts in full, one that ended in between is missing (the probe's threads live through
 * a scenario; a pool thread retired on idle loses its share instead of making a role's figure negative).
 */
public record ThreadCosts(Map<String, Sample> byThread) {

    /** One thread's counters, keyed by Java thread id ({@code j<id>}) or kernel task id ({@code t<tid>}). */
    public record Sample(ThreadRole role, Cost cost) {
    }

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

    /** The counters of every live thread of this JVM now. */
    public static ThreadCosts snapshot() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Map<String, Sample> byThread = new LinkedHashMap<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            long id = thread.getId();
            long bytes = Math.max(0, threads.getThreadAllocatedBytes(id));
            long cpu = Math.max(0, threads.getThreadCpuTime(id));
            byThread.put("j" + id, new Sample(ThreadRole.of(thread.getName()), new Cost(bytes, cpu, 0)));
        }
        byThread.putAll(taskWakeUps());
        return new ThreadCosts(byThread);
    }

    /** What happened between {@code earlier} and this snapshot, thread by thread. */
    public ThreadCosts minus(ThreadCosts earlier) {
        Map<String, Sample> delta = new LinkedHashMap<>();
        byThread.forEach((key, now) -> {
            Sample before = earlier.byThread.get(key);
            delta.put(key, before == null ? now : new Sample(now.role(), now.cost().minus(before.cost())));
        });
        return new ThreadCosts(delta);
    }

    public Cost of(ThreadRole role) {
        return byThread.values().stream().filter(sample -> sample.role() == role).map(Sample::cost)
                .reduce(Cost.ZERO, Cost::plus);
    }

    /** The sum over {@code roles}. */
    public Cost of(List<ThreadRole> roles) {
        return roles.stream().map(this::of).reduce(Cost.ZERO, Cost::plus);
    }

    private static Map<String, Sample> taskWakeUps() {
        Map<String, Sample> byTask = new LinkedHashMap<>();
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return byTask;
        }
        try (Stream<Path> list = Files.list(tasks)) {
            for (Path task : list.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).trim();
                    long switches = voluntarySwitches(Files.readAllLines(task.resolve("status")));
                    byTask.put("t" + task.getFileName() + "/" + name,
                            new Sample(ThreadRole.of(name), new Cost(0, 0, switches)));
                } catch (IOException ended) {
                    // the thread ended while we looked
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return byTask;
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
