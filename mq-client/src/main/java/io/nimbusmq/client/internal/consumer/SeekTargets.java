package io.nimbusmq.client.internal.consumer;

import java.time.Instant;
import java.util.Collection;
import java.util.function.Predicate;

import io.nimbusmq.client.consumer.QueueSeeker;
import io.nimbusmq.client.internal.NamespaceNames;
import io.nimbusmq.remoting.protocol.body.client.MessageQueue;

/**
 * A {@link QueueSeeker} over one consumer's queues: resolves the beginning (GET_MIN_OFFSET), the end (GET_MAX_OFFSET)
 * and a time (SEARCH_OFFSET_BY_TIMESTAMP) to queue offsets, checks an explicit offset against the queue's end, and
 * hands the wire queue and offset to {@code move} (a running consumer restarts the queue there; an assignment
 * callback sets where the new queue starts).
 */
final class SeekTargets implements QueueSeeker {

    /** Moves a held queue (wire name) to a checked offset. */
    @FunctionalInterface
    interface Move {
        void to(MessageQueue wireQueue, long queueOffset);
    }

    private final String group;
    private final NamespaceNames names;
    private final StartOffsets offsets;
    private final Predicate<MessageQueue> held;
    private final Move move;

    SeekTargets(String group, NamespaceNames names, StartOffsets offsets, Predicate<MessageQueue> held, Move move) {
        this.group = group;
        this.names = names;
        this.offsets = offsets;
        this.held = held;
        this.move = move;
    }

    @Override
    public void seek(MessageQueue queue, long queueOffset) {
        MessageQueue wire = heldQueue(queue);
        if (queueOffset < 0) {
            throw new IllegalArgumentException("cannot seek " + queue + " of " + group + " to offset " + queueOffset
                    + ": offsets start at 0");
        }
        long end = offsets.maxOffset(wire);
        if (queueOffset > end) {
            throw new IllegalArgumentException("cannot seek " + queue + " of " + group + " to offset " + queueOffset
                    + ": past its end (max offset " + end + ")");
        }
        move.to(wire, queueOffset);
    }

    @Override
    public void seekToBeginning(Collection<MessageQueue> queues) {
        for (MessageQueue queue : queues) {
            MessageQueue wire = heldQueue(queue);
            move.to(wire, offsets.minOffset(wire));
        }
    }

    @Override
    public void seekToEnd(Collection<MessageQueue> queues) {
        for (MessageQueue queue : queues) {
            MessageQueue wire = heldQueue(queue);
            move.to(wire, offsets.maxOffset(wire));
        }
    }

    @Override
    public void seekToTimestamp(Collection<MessageQueue> queues, Instant time) {
        for (MessageQueue queue : queues) {
            MessageQueue wire = heldQueue(queue);
            move.to(wire, offsets.searchOffset(wire, time.toEpochMilli()));
        }
    }

    private MessageQueue heldQueue(MessageQueue queue) {
        MessageQueue wire = names.wrap(queue);
        if (!held.test(wire)) {
            throw new IllegalStateException("consumer " + group + " does not hold " + queue + " (a seek moves only "
                    + "the queues assigned to it)");
        }
        return wire;
    }
}
