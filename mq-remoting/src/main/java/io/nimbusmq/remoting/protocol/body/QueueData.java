package io.nimbusmq.remoting.protocol.body;

/**
 * A topic's queues on one broker group, as routes carry them:
 * {@code {"brokerName":"broker-a","perm":6,"readQueueNums":4,"topicSysFlag":0,"writeQueueNums":4}}.
 *
 * @param perm permission bits: 8 PRIORITY, 4 READ, 2 WRITE, 1 INHERIT; clients publish only to writable queue data
 *             and subscribe only to readable ones
 */
public record QueueData(String brokerName, int perm, int readQueueNums, int topicSysFlag, int writeQueueNums) {
}
