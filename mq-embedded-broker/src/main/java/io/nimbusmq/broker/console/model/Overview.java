package io.nimbusmq.broker.console.model;

import java.util.List;

/**
 * The overview page: who the broker is, how long it has run, its disk, its traffic and the busiest and most lagging
 * topics and groups.
 *
 * @param version Nimbus MQ's version (the jar's), and the RocketMQ protocol version it speaks
 * @param connections client connections (producers and consumers, each connection once)
 * @param inPerSecond messages stored per second over the last 10 s (the broker's putTps)
 * @param outPerSecond messages delivered to consumers per second over the last 10 s (getTransferredTps)
 * @param busiestGroups the five groups with the most messages delivered over the last minute, with their lag now
 * @param mostLaggingGroups the five user groups that lagged most at the console's last lag sample (every 5 s by
 *     default), with their lag now
 */
public record Overview(String brokerName, String clusterName, String version, String address, long startedAtMillis,
        long uptimeMillis, Disk disk, int connections, int topics, int consumerGroups, double inPerSecond,
        double outPerSecond, List<TopicRate> busiestTopics, List<GroupRate> busiestGroups,
        List<GroupRate> mostLaggingGroups) {

    /**
     * @param storeDir the broker's store directory
     * @param commitLogBytes bytes between the oldest and newest message of the commit log
     * @param totalBytes size of the disk that holds the store
     * @param usableBytes free space on it
     * @param writable whether the store accepts messages
     * @param notWritableReason why not, or null
     */
    public record Disk(String storeDir, long commitLogBytes, long totalBytes, long usableBytes, boolean writable,
            String notWritableReason) {
    }

    /** A topic and its incoming messages per second over the last minute. */
    public record TopicRate(String topic, double inPerSecond) {
    }

    /** A consumer group, the messages delivered to it per second over the last minute, and its lag. */
    public record GroupRate(String group, double outPerSecond, long lag) {
    }

    /** One sample of the broker's traffic. */
    public record TrafficPoint(long timeMillis, double inPerSecond, double outPerSecond) {
    }
}
