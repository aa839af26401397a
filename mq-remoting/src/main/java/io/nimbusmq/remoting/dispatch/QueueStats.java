package io.nimbusmq.remoting.dispatch;

/**
 * The queue of one processor executor now, as RocketMQ's broker reports it ({@code sendThreadPoolQueueSize},
 * {@code ...Capacity}, {@code ...HeadWaitTimeMills} in {@code mqadmin brokerStatus} and {@code clusterList}).
 *
 * @param size requests waiting for a thread
 * @param capacity how many may wait before new ones are refused with SYSTEM_BUSY
 * @param headWaitMillis how long the oldest waiting request has waited; 0 when none waits
 */
public record QueueStats(int size, int capacity, long headWaitMillis) {
}
