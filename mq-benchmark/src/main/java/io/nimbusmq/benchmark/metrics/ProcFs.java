package io.nimbusmq.benchmark.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What Linux tells about a process and the machine in /proc: CPU time of a process (utime + stime of
 * {@code /proc/<pid>/stat}), its resident memory ({@code /proc/<pid>/status}) and the busy time of all cores
 * ({@code /proc/stat}). CPU times are in clock ticks of {@value #TICKS_PER_SECOND} per second (USER_HZ, the same on
 * every mainstream Linux build), so a 10 s measurement has a resolution of 0.1 %.
 */
public final class ProcFs {

    public static final int TICKS_PER_SECOND = 100;

    /** PF_KTHREAD in the flags field of /proc/<pid>/stat: the process is a kernel thread. */
    private static final long KERNEL_THREAD_FLAG = 0x00200000L;

    private ProcFs() {
    }

    /** CPU time (user + system, all threads) of process {@code pid} so far, in seconds. */
    public static double cpuSeconds(long pid) {
        return parseCpuTicks(read(Path.of("/proc", Long.toString(pid), "stat"))) / (double) TICKS_PER_SECOND;
    }

    /** Busy time of all cores so far (user, nice, system, irq, softirq, steal), in seconds of one core. */
    public static double machineBusySeconds() {
        return parseMachineBusyTicks(read(Path.of("/proc/stat"))) / (double) TICKS_PER_SECOND;
    }

    /**
     * CPU ticks so far of every user-space process but the {@code excluded} ones, by pid: utime + stime + cutime +
     * cstime, so that the time of children a process waited for counts too (a shell loop's short-lived commands).
     * Kernel threads are left out. Subtract two readings with {@link #ticksSince}.
     */
    public static Map<Long, Long> userProcessTicks(Set<Long> excluded) {
        Map<Long, Long> ticks = new HashMap<>();
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            entries.forEach(entry -> {
                String name = entry.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit) || excluded.contains(Long.parseLong(name))) {
                    return;
                }
                try {
                    long t = parseUserProcessTicks(Files.readString(entry.resolve("stat")));
                    if (t >= 0) {
                        ticks.put(Long.parseLong(name), t);
                    }
                } catch (IOException e) {
                    // the process ended between the listing and the read
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list /proc", e);
        }
        return ticks;
    }

    /**
     * Ticks used between two {@link #userProcessTicks} readings: processes present in both count their difference, new
     * ones everything they used (a pid reused in between counts as new).
     */
    public static long ticksSince(Map<Long, Long> before, Map<Long, Long> after) {
        long sum = 0;
        for (Map.Entry<Long, Long> e : after.entrySet()) {
            long earlier = before.getOrDefault(e.getKey(), 0L);
            sum += e.getValue() >= earlier ? e.getValue() - earlier : e.getValue();
        }
        return sum;
    }

    /** utime + stime + cutime + cstime of a user-space process, or -1 for a kernel thread. */
    static long parseUserProcessTicks(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        // f[0] is field 3 (state): flags is field 9, utime..cstime fields 14-17
        if ((Long.parseLong(f[6]) & KERNEL_THREAD_FLAG) != 0) {
            return -1;
        }
        return Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
    }

    /** The 1-minute load average, or -1 if the kernel does not say. */
    public static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Resident memory of process {@code pid} now. */
    public static ProcessMemory memory(long pid) {
        return parseMemory(read(Path.of("/proc", Long.toString(pid), "status")));
    }

    /** utime + stime in ticks; the command name (field 2) may hold spaces and parentheses, so fields count from the last ')'. */
    static long parseCpuTicks(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        // f[0] is field 3 (state): utime is field 14, stime field 15
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    static long parseMachineBusyTicks(String procStat) {
        for (String line : procStat.split("\n")) {
            if (line.startsWith("cpu ")) {
                String[] f = line.trim().split("\\s+");
                long busy = 0;
                // user nice system idle iowait irq softirq steal: everything but idle (4) and iowait (5)
                for (int i = 1; i <= Math.min(8, f.length - 1); i++) {
                    if (i != 4 && i != 5) {
                        busy += Long.parseLong(f[i]);
                    }
                }
                return busy;
            }
        }
        throw new IllegalArgumentException("no 'cpu ' line in /proc/stat");
    }

    static ProcessMemory parseMemory(String status) {
        long rss = -1;
        long anon = -1;
        long file = -1;
        long shmem = -1;
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                rss = kib(line);
            } else if (line.startsWith("RssAnon:")) {
                anon = kib(line);
            } else if (line.startsWith("RssFile:")) {
                file = kib(line);
            } else if (line.startsWith("RssShmem:")) {
                shmem = kib(line);
            }
        }
        if (rss < 0) {
            throw new IllegalArgumentException("no VmRSS in /proc/<pid>/status");
        }
        return new ProcessMemory(rss * 1024, anon * 1024, file * 1024, shmem * 1024);
    }

    private static long kib(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * Resident memory in bytes: all of it, and its anonymous (heap, metaspace, thread stacks, direct buffers), file-backed
     * (mapped jars and store files) and shared parts; -1 where the kernel does not say.
     */
    public record ProcessMemory(long rssBytes, long anonBytes, long fileBytes, long shmemBytes) {

        public static final ProcessMemory UNKNOWN = new ProcessMemory(-1, -1, -1, -1);
    }
}
