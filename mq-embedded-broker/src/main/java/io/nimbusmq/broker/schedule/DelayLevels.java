package io.nimbusmq.broker.schedule;

import java.util.Arrays;
import java.util.Locale;

/**
 * The delay levels of RocketMQ's {@code DELAY} property: level {@code n} (1-based) waits the {@code n}-th duration of a
 * space-separated list such as {@code "1s 5s 10s 30s 1m 2m 3m 4m 5m 6m 7m 8m 9m 10m 20m 30m 1h 2h"} (units s, m, h,
 * d). A level above the last is clamped to the last, as RocketMQ does.
 */
public final class DelayLevels {

    /** RocketMQ's {@code messageDelayLevel} default. */
    public static final String DEFAULT = "1s 5s 10s 30s 1m 2m 3m 4m 5m 6m 7m 8m 9m 10m 20m 30m 1h 2h";

    private final String spec;
    private final long[] delayMillis;

    private DelayLevels(String spec, long[] delayMillis) {
        this.spec = spec;
        this.delayMillis = delayMillis;
    }

    public static DelayLevels parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("delay levels must not be empty");
        }
        String[] parts = spec.trim().split("\\s+");
        long[] millis = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            millis[i] = parseDuration(parts[i]);
        }
        return new DelayLevels(String.join(" ", parts), millis);
    }

    private static long parseDuration(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        long unit = switch (v.charAt(v.length() - 1)) {
            case 's' -> 1_000L;
            case 'm' -> 60_000L;
            case 'h' -> 3_600_000L;
            case 'd' -> 86_400_000L;
            default -> throw new IllegalArgumentException("delay level '" + value + "' needs a unit s, m, h or d");
        };
        try {
            long amount = Long.parseLong(v.substring(0, v.length() - 1));
            if (amount <= 0) {
                throw new IllegalArgumentException("delay level '" + value + "' must be positive");
            }
            return amount * unit;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("delay level '" + value + "' is not a number and a unit", e);
        }
    }

    /** The highest level (18 by default). */
    public int maxLevel() {
        return delayMillis.length;
    }

    /** The level actually used for a requested level above 0: clamped to {@link #maxLevel()}. */
    public int clamp(int level) {
        return Math.min(Math.max(1, level), maxLevel());
    }

    /** The delay of a level, after clamping. */
    public long delayMillis(int level) {
        return delayMillis[clamp(level) - 1];
    }

    public String spec() {
        return spec;
    }

    @Override
    public String toString() {
        return spec + " " + Arrays.toString(delayMillis);
    }
}
