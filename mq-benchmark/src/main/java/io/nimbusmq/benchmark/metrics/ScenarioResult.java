package io.nimbusmq.benchmark.metrics;

/**
 * What one scenario measured against one broker with one client driver.
 *
 * @param scenario          the scenario's id ({@code produce-sync}, {@code consume}, ...)
 * @param driver            the client driver's name
 * @param threads           sending threads (1 for a paced or backlog scenario)
 * @param bodySize          message body size in bytes
 * @param seconds           length of the measured period
 * @param messages          messages acknowledged (produce) or received (consume, round trip) in that period
 * @param latency           send latency (produce) or end-to-end latency, born to received (round trip)
 * @param brokerCpuSeconds  CPU time (user + system) of the broker JVM in the measured period
 * @param clientCpuSeconds  CPU time of the load generator JVM in the measured period
 * @param load              how busy the rest of the machine was in the period (noise on a shared machine)
 * @param delivery          the accounting of every message of the scenario, warm-up included
 * @param note              anything a reader of the table should know, or empty
 */
public record ScenarioResult(String scenario, String driver, int threads, int bodySize, double seconds,
        long messages, LatencySummary latency, double brokerCpuSeconds, double clientCpuSeconds,
        MachineLoad load, DeliveryCounts delivery, String note) {

    public double messagesPerSecond() {
        return seconds > 0 ? messages / seconds : 0;
    }

    /** Body megabytes (10^6 bytes) per second. */
    public double megabytesPerSecond() {
        return messagesPerSecond() * bodySize / 1e6;
    }

    /** Broker CPU time per message in microseconds, or NaN without messages. */
    public double brokerCpuMicrosPerMessage() {
        return messages > 0 ? brokerCpuSeconds * 1e6 / messages : Double.NaN;
    }
}
