package io.nimbusmq.broker.client;

/**
 * Settings of {@link ClientHousekeepingService}.
 *
 * @param scanIntervalMillis how often silent clients and expired locks are looked for (RocketMQ: 10 s)
 * @param channelExpiryMillis how long a client may stay silent before it is dropped and its channel closed
 *     (RocketMQ: 120 s; clients heartbeat every 30 s)
 */
public record ClientHousekeepingConfig(long scanIntervalMillis, long channelExpiryMillis) {

    public ClientHousekeepingConfig {
        if (scanIntervalMillis <= 0) {
            throw new IllegalArgumentException("scanIntervalMillis must be positive, got " + scanIntervalMillis);
        }
        if (channelExpiryMillis <= 0) {
            throw new IllegalArgumentException("channelExpiryMillis must be positive, got " + channelExpiryMillis);
        }
    }

    /** Every 10 s, expiring clients silent for 120 s. */
    public static ClientHousekeepingConfig defaults() {
        return new ClientHousekeepingConfig(10_000, ConsumerManager.DEFAULT_CHANNEL_EXPIRY_MILLIS);
    }
}
