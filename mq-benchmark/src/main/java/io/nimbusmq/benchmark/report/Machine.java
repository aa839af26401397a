package io.nimbusmq.benchmark.report;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/** What the numbers were measured on, read once at the start of a run. */
public record Machine(String cpuModel, int cores, String memory, String os, String java, String storeFileSystem,
        String loadAtStart) {

    public static Machine describe(Path storeDir) {
        String os = System.getProperty("os.name") + " " + readFirstLine(Path.of("/proc/sys/kernel/osrelease"), "")
                + " " + System.getProperty("os.arch") + osRelease();
        String java = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
                + System.getProperty("java.vendor") + ")";
        return new Machine(readCpuModel(), Runtime.getRuntime().availableProcessors(), totalMemory(),
                os.replaceAll("\\s+", " ").trim(), java, fileSystem(storeDir), loadAverage());
    }

    /** The 1, 5 and 15 minute load averages now, or "unknown". */
    public static String loadAverage() {
        String line = readFirstLine(Path.of("/proc/loadavg"), null);
        if (line == null) {
            return "unknown";
        }
        String[] f = line.trim().split("\\s+");
        return f[0] + " / " + f[1] + " / " + f[2];
    }

    private static String readCpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst().orElse("unknown");
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String totalMemory() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
            return lines.filter(l -> l.startsWith("MemTotal:")).findFirst()
                    .map(l -> String.format(Locale.ROOT, "%.1f GiB",
                            Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0))
                    .orElse("unknown");
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** ", Debian GNU/Linux 12 (bookworm)" from /etc/os-release, or "". */
    private static String osRelease() {
        try (Stream<String> lines = Files.lines(Path.of("/etc/os-release"))) {
            return lines.filter(l -> l.startsWith("PRETTY_NAME=")).findFirst()
                    .map(l -> ", " + l.substring("PRETTY_NAME=".length()).replace("\"", "")).orElse("");
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static String fileSystem(Path dir) {
        try {
            FileStore store = Files.getFileStore(dir);
            return store.type() + " (" + store.name() + ") at " + dir.toAbsolutePath();
        } catch (IOException e) {
            return "unknown at " + dir.toAbsolutePath();
        }
    }

    private static String readFirstLine(Path file, String fallback) {
        try {
            String text = Files.readString(file).trim();
            int newline = text.indexOf('\n');
            return newline < 0 ? text : text.substring(0, newline);
        } catch (IOException | RuntimeException e) {
            return fallback;
        }
    }
}
