package io.nimbusmq.remoting.protocol.body.client;

/**
 * Where a consumer group without a stored offset starts (remoting-protocol.md §8.3). The last three constants are
 * deprecated in RocketMQ but still legal on the wire.
 */
public enum ConsumeFromWhere {
    CONSUME_FROM_LAST_OFFSET,
    CONSUME_FROM_FIRST_OFFSET,
    CONSUME_FROM_TIMESTAMP,
    CONSUME_FROM_LAST_OFFSET_AND_FROM_MIN_WHEN_BOOT_FIRST,
    CONSUME_FROM_MIN_OFFSET,
    CONSUME_FROM_MAX_OFFSET
}
