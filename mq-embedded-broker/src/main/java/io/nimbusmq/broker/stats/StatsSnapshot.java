package io.nimbusmq.broker.stats;

/**
 * What a counter did over one window (RocketMQ's {@code StatsSnapshot}).
 *
 * @param sum how much was added in the window (messages, or bytes)
 * @param tps {@code sum} per second over the window
 * @param avgpt average added per call (messages per pull, bytes per message)
 */
public record StatsSnapshot(long sum, double tps, double avgpt) {

    public static final StatsSnapshot EMPTY = new StatsSnapshot(0, 0, 0);
}
