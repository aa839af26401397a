package io.nimbusmq.benchmark.report;

import java.util.Locale;

/** How figures are written in the report. */
public final class Format {

    private Format() {
    }

    public static String rate(double messagesPerSecond) {
        return String.format(Locale.ROOT, "%,.0f msg/s", messagesPerSecond);
    }

    public static String micros(double micros) {
        return millisText(micros / 1000.0);
    }

    public static String millis(double millis) {
        return millis >= 100 ? String.format(Locale.ROOT, "%,.0f ms", millis) : millisText(millis);
    }

    private static String millisText(double millis) {
        if (millis >= 100) {
            return String.format(Locale.ROOT, "%,.0f ms", millis);
        }
        return String.format(Locale.ROOT, millis >= 10 ? "%.1f ms" : "%.2f ms", millis);
    }

    public static String cpuMicros(double micros) {
        return String.format(Locale.ROOT, "%.1f µs", micros);
    }

    public static String mebibytes(double bytes) {
        return String.format(Locale.ROOT, "%,.0f MiB", bytes / 1024 / 1024);
    }

    public static String ratio(double ratio) {
        return String.format(Locale.ROOT, "%.2fx", ratio);
    }

    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
