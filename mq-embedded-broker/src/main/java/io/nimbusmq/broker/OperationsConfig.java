package io.nimbusmq.broker;

/**
 * What the broker offers to operators and their tools (docs/operations.md).
 *
 * @param autoCreateSubscriptionGroup whether a consumer group is created on first use (RocketMQ's default, on);
 *     when off, only groups created by an admin may consume. Changeable at runtime
 *     ({@code mqadmin updateBrokerConfig -k autoCreateSubscriptionGroup})
 * @param vipChannelEnabled whether the broker also listens on its port − 2, the "VIP channel" that RocketMQ's admin
 *     tools and rocketmq-dashboard use by default (on for the standalone broker, off when embedded)
 * @param metricsPort the HTTP port of the Prometheus metrics endpoint ({@code /metrics}), 0 for any free port, or
 *     -1 for no endpoint (the default)
 */
public record OperationsConfig(boolean autoCreateSubscriptionGroup, boolean vipChannelEnabled, int metricsPort) {

    /** No metrics endpoint. */
    public static final int METRICS_OFF = -1;

    public OperationsConfig {
        if (metricsPort < METRICS_OFF || metricsPort > 65535) {
            throw new IllegalArgumentException("metricsPort must be -1 (off) or in 0..65535: " + metricsPort);
        }
    }

    /** Groups auto-created, no VIP channel, no metrics endpoint: the embedded broker's defaults. */
    public static OperationsConfig defaults() {
        return new OperationsConfig(true, false, METRICS_OFF);
    }

    public OperationsConfig withAutoCreateSubscriptionGroup(boolean value) {
        return new OperationsConfig(value, vipChannelEnabled, metricsPort);
    }

    public OperationsConfig withVipChannelEnabled(boolean value) {
        return new OperationsConfig(autoCreateSubscriptionGroup, value, metricsPort);
    }

    public OperationsConfig withMetricsPort(int value) {
        return new OperationsConfig(autoCreateSubscriptionGroup, vipChannelEnabled, value);
    }

    public boolean metricsEnabled() {
        return metricsPort != METRICS_OFF;
    }
}
