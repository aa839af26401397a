package io.nimbusmq.benchmark.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What Linux tells about a process and the machine in /proc: CPU time of a process (utime + stime of
 * {@code /proc/<pid>/stat}), its resident memory ({@code /proc/<pid>/status}) and the busy time of all cores
 * ({@code /proc/stat}). CPU times are in clock ticks of {@value #TICKS_PER_SECOND} per second (USER_HZ, the same on
 * every mainstream Linux build), so a 10 s measurement has a resolution of 0.1 %.
 */
public final class ProcFs {

    public static final int TICKS_PER_SECOND = 100;

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
