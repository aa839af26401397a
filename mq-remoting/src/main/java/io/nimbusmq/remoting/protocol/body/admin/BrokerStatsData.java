package io.nimbusmq.remoting.protocol.body.admin;

/**
 * VIEW_BROKER_STATS_DATA body (315, what {@code mqadmin statsAll} and the dashboard's trends read), RocketMQ's
 * {@code BrokerStatsData}: one statistic of one key over the last minute, hour and day.
 */
public record BrokerStatsData(Item statsMinute, Item statsHour, Item statsDay) {

    /**
     * One window.
     *
     * @param sum how much was counted in the window
     * @param tps per second over the window
     * @param avgpt average counted per call
     */
    public record Item(long sum, double tps, double avgpt) {
    }
}
