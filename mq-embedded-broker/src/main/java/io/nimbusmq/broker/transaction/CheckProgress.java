package io.nimbusmq.broker.transaction;

import io.nimbusmq.broker.offset.ConsumerOffsetTable;

/**
 * How far the check-back has got: the first half queue offset not yet settled, and the first op queue offset still
 * needed. Kept, as in RocketMQ, as the offsets of the system group {@value #GROUP} in the consumer offset table, which
 * the broker persists every few seconds and at shutdown. Losing the latest update (a crash) only makes the next pass
 * re-read entries the op queue already marks as resolved.
 */
final class CheckProgress {

    static final String GROUP = "CID_RMQ_SYS_TRANS";

    private final ConsumerOffsetTable offsets;

    CheckProgress(ConsumerOffsetTable offsets) {
        this.offsets = offsets;
    }

    /** The next half queue offset to look at, or -1 before the first pass. */
    long halfQueueOffset() {
        return offsets.query(GROUP, HalfMessages.HALF_TOPIC, HalfMessages.HALF_QUEUE_ID);
    }

    /** The first op queue offset the next pass reads, or -1 before the first pass. */
    long opQueueOffset() {
        return offsets.query(GROUP, HalfMessages.OP_TOPIC, HalfMessages.HALF_QUEUE_ID);
    }

    void update(long halfQueueOffset, long opQueueOffset) {
        offsets.commit(GROUP, HalfMessages.HALF_TOPIC, HalfMessages.HALF_QUEUE_ID, halfQueueOffset);
        offsets.commit(GROUP, HalfMessages.OP_TOPIC, HalfMessages.HALF_QUEUE_ID, opQueueOffset);
    }
}
