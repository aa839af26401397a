package io.nimbusmq.broker.transaction;

import static io.nimbusmq.message.SystemTopics.TRANS_CHECK_GROUP;
import static io.nimbusmq.message.SystemTopics.TRANS_HALF_TOPIC;
import static io.nimbusmq.message.SystemTopics.TRANS_OP_HALF_TOPIC;

import io.nimbusmq.broker.offset.ConsumerOffsetTable;

/**
 * How far the check-back has got: the first half queue offset not yet settled, and the first op queue offset still
 * needed. Kept, as in RocketMQ, as the offsets of the system group {@code CID_RMQ_SYS_TRANS} in the consumer offset
 * table, which the broker persists every few seconds and at shutdown. Losing the latest update (a crash) only makes
 * the next pass re-read entries the op queue already marks as resolved.
 */
final class CheckProgress {

    private final ConsumerOffsetTable offsets;

    CheckProgress(ConsumerOffsetTable offsets) {
        this.offsets = offsets;
    }

    /** The next half queue offset to look at, or -1 before the first pass. */
    long halfQueueOffset() {
        return offsets.query(TRANS_CHECK_GROUP, TRANS_HALF_TOPIC, HalfMessages.HALF_QUEUE_ID);
    }

    /** The first op queue offset the next pass reads, or -1 before the first pass. */
    long opQueueOffset() {
        return offsets.query(TRANS_CHECK_GROUP, TRANS_OP_HALF_TOPIC, HalfMessages.HALF_QUEUE_ID);
    }

    void update(long halfQueueOffset, long opQueueOffset) {
        offsets.commit(TRANS_CHECK_GROUP, TRANS_HALF_TOPIC, HalfMessages.HALF_QUEUE_ID, halfQueueOffset);
        offsets.commit(TRANS_CHECK_GROUP, TRANS_OP_HALF_TOPIC, HalfMessages.HALF_QUEUE_ID, opQueueOffset);
    }
}
