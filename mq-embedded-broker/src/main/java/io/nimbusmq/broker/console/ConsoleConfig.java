package io.nimbusmq.broker.console;

/**
 * The broker's web console: off unless enabled. It listens on its own HTTP port, on loopback unless told otherwise.
 * With access control on, it asks for the keys of an admin user.
 *
 * @param enabled whether the broker serves the console
 * @param bindHost the interface ({@code 127.0.0.1} by default: this machine only)
 * @param port the port; 0 picks a free one (logged at start-up)
 * @param sampleIntervalMillis how often each group's lag is sampled for its chart, and the step (in whole seconds,
 *     at least one) of the traffic chart, which reads the broker's per-second statistics
 * @param historySize how many lag samples the group chart keeps (with 5 s samples, 120 is ten minutes)
 * @param sessionIdleMillis how long a login lasts without use
 */
public record ConsoleConfig(boolean enabled, String bindHost, int port, long sampleIntervalMillis, int historySize,
        long sessionIdleMillis) {

    public static final long DEFAULT_SAMPLE_INTERVAL_MILLIS = 5_000;
    public static final int DEFAULT_HISTORY_SIZE = 120;
    public static final long DEFAULT_SESSION_IDLE_MILLIS = 30 * 60_000;

    public ConsoleConfig {
        bindHost = bindHost == null || bindHost.isBlank() ? "127.0.0.1" : bindHost.trim();
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("console port must be in 0..65535: " + port);
        }
        if (sampleIntervalMillis < 100) {
            throw new IllegalArgumentException("sampleIntervalMillis must be at least 100: " + sampleIntervalMillis);
        }
        if (historySize < 2) {
            throw new IllegalArgumentException("historySize must be at least 2: " + historySize);
        }
        if (sessionIdleMillis < 1_000) {
            throw new IllegalArgumentException("sessionIdleMillis must be at least 1000: " + sessionIdleMillis);
        }
    }

    public static ConsoleConfig disabled() {
        return new ConsoleConfig(false, null, 0, DEFAULT_SAMPLE_INTERVAL_MILLIS, DEFAULT_HISTORY_SIZE,
                DEFAULT_SESSION_IDLE_MILLIS);
    }

    /** On, at {@code bindHost:port}, with the default sampling and session settings. */
    public static ConsoleConfig enabled(String bindHost, int port) {
        return new ConsoleConfig(true, bindHost, port, DEFAULT_SAMPLE_INTERVAL_MILLIS, DEFAULT_HISTORY_SIZE,
                DEFAULT_SESSION_IDLE_MILLIS);
    }

    /** On, on loopback, on any free port. */
    public static ConsoleConfig onLoopback() {
        return enabled("127.0.0.1", 0);
    }

    public ConsoleConfig withSampleIntervalMillis(long value) {
        return new ConsoleConfig(enabled, bindHost, port, value, historySize, sessionIdleMillis);
    }

    /** Whether only this machine can reach it. */
    public boolean loopbackOnly() {
        return bindHost.equals("127.0.0.1") || bindHost.equals("localhost") || bindHost.equals("::1")
                || bindHost.startsWith("127.");
    }
}
