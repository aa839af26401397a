package io.nimbusmq.benchmark.broker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Asks a running JVM about its heap with {@code jcmd} (the attach API of the same JDK), as an operator would. */
final class JvmDiagnostics {

    private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total\\s+\\d+K,\\s+used\\s+(\\d+)K");

    private JvmDiagnostics() {
    }

    /** Runs a full GC ({@code GC.run}) and returns the heap in use after it, or -1. */
    static long heapUsedAfterGc(long pid) {
        if (jcmd(pid, "GC.run") == null) {
            return -1;
        }
        String info = jcmd(pid, "GC.heap_info");
        return info == null ? -1 : parseHeapUsed(info);
    }

    /** Bytes of the first "... heap total NK, used NK" line of {@code GC.heap_info}, or -1. */
    static long parseHeapUsed(String heapInfo) {
        Matcher m = HEAP_USED.matcher(heapInfo);
        return m.find() ? Long.parseLong(m.group(1)) * 1024 : -1;
    }

    private static String jcmd(long pid, String command) {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        try {
            Process process = new ProcessBuilder(jcmd, Long.toString(pid), command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                System.out.println("jcmd " + pid + " " + command + " failed: " + out.trim());
                return null;
            }
            return out;
        } catch (IOException e) {
            System.out.println("jcmd " + pid + " " + command + " failed: " + e);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
