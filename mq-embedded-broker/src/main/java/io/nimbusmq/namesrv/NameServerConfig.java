package io.nimbusmq.namesrv;

/**
 * Name-server settings, checked when constructed.
 *
 * @param scanIntervalMillis how often silent brokers are looked for (RocketMQ: 5 s)
 * @param enableAllTopicList whether GET_ALL_TOPIC_LIST_FROM_NAMESERVER (206) answers; SYSTEM_ERROR "disable" if not
 * @param enableTopicList    whether GET_TOPICS_BY_CLUSTER (224) answers; SYSTEM_ERROR "disable" if not
 */
public record NameServerConfig(long scanIntervalMillis, boolean enableAllTopicList, boolean enableTopicList) {

    public static final long DEFAULT_SCAN_INTERVAL_MILLIS = 5_000;

    public NameServerConfig {
        if (scanIntervalMillis <= 0) {
            throw new IllegalArgumentException("scanIntervalMillis must be positive: " + scanIntervalMillis);
        }
    }

    /** Scan every 5 s, both topic lists enabled. */
    public static NameServerConfig defaults() {
        return new NameServerConfig(DEFAULT_SCAN_INTERVAL_MILLIS, true, true);
    }

    public NameServerConfig withScanIntervalMillis(long newScanIntervalMillis) {
        return new NameServerConfig(newScanIntervalMillis, enableAllTopicList, enableTopicList);
    }

    public NameServerConfig withTopicListsEnabled(boolean enabled) {
        return new NameServerConfig(scanIntervalMillis, enabled, enabled);
    }
}
