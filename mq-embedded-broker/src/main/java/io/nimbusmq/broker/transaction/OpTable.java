package io.nimbusmq.broker.transaction;

import io.nimbusmq.message.SystemTopics;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The op queue from a check pass's op offset to its end, read once at the start of the pass: which half queue offsets
 * are resolved, and which op entries the next pass still needs. An op entry is no longer needed once every half
 * offset it names lies before the new half queue offset.
 */
final class OpTable {

    private static final int BATCH = 256;

    private final Set<Long> resolvedHalves = new HashSet<>();
    private final List<long[]> needs = new ArrayList<>();
    private long endQueueOffset;

    private OpTable(long startQueueOffset) {
        this.endQueueOffset = startQueueOffset;
    }

    /**
     * Reads the op queue from {@code opQueueOffset}; offsets of half messages before {@code halfQueueOffset} are
     * settled already and not kept.
     */
    static OpTable read(TransactionLog log, long opQueueOffset, long halfQueueOffset) {
        OpTable table = new OpTable(opQueueOffset);
        long max = log.maxOffset(SystemTopics.TRANS_OP_HALF_TOPIC);
        long next = opQueueOffset;
        while (next < max) {
            TransactionLog.Batch batch = log.read(SystemTopics.TRANS_OP_HALF_TOPIC, next, BATCH);
            for (TransactionLog.Entry entry : batch.entries()) {
                long highest = -1;
                for (long half : OpMessages.halfOffsets(entry.message())) {
                    if (half >= halfQueueOffset) {
                        table.resolvedHalves.add(half);
                    }
                    highest = Math.max(highest, half);
                }
                table.needs.add(new long[] {entry.queueOffset(), highest});
            }
            if (batch.nextQueueOffset() <= next) {
                break;
            }
            next = batch.nextQueueOffset();
        }
        table.endQueueOffset = next;
        return table;
    }

    boolean isResolved(long halfQueueOffset) {
        return resolvedHalves.contains(halfQueueOffset);
    }

    /** The first op queue offset a pass that stopped at {@code newHalfQueueOffset} leaves for the next one. */
    long nextOpQueueOffset(long newHalfQueueOffset) {
        for (long[] need : needs) {
            if (need[1] >= newHalfQueueOffset) {
                return need[0];
            }
        }
        return endQueueOffset;
    }

    int resolvedCount() {
        return resolvedHalves.size();
    }
}
