package io.nimbusmq.client.internal.consumer;

import java.util.Arrays;

/**
 * When the handler call of each message of one process queue started, by queue offset, in two parallel arrays used as
 * a ring: offset {@code o} lives in slot {@code o & (capacity - 1)}. The offsets held at once are those of the
 * queue's unfinished messages, a dense range as wide as the queue's offset span, so a capacity above that span gives
 * each its own slot; a collision with another live offset doubles the capacity. Nothing is allocated per message:
 * only a growth allocates, and the capacity stays once grown (bounded by the span flow control allows, see
 * {@link PullService#MAX_SPAN}) until {@link #clear}.
 *
 * <p>Not thread-safe: {@link ProcessQueue} calls it under its monitor. The caller removes each offset it put once
 * the message is finished (a stale entry would only cost a growth).
 */
final class ConsumeStartTimes {

    /** What {@link #get} answers for an offset that has no start time. */
    static final long NONE = Long.MIN_VALUE;

    private static final int INITIAL_CAPACITY = 64;
    private static final long FREE = -1;

    private long[] offsets;
    private long[] startMillis;
    private int size;

    ConsumeStartTimes() {
        allocate(INITIAL_CAPACITY);
    }

    /** Records (or replaces) the start time of the message at {@code queueOffset} (not negative). */
    void put(long queueOffset, long millis) {
        int slot = slot(queueOffset);
        while (offsets[slot] != FREE && offsets[slot] != queueOffset) {
            grow();
            slot = slot(queueOffset);
        }
        if (offsets[slot] == FREE) {
            offsets[slot] = queueOffset;
            size++;
        }
        startMillis[slot] = millis;
    }

    /** The start time of the message at {@code queueOffset}, or {@link #NONE}. */
    long get(long queueOffset) {
        int slot = slot(queueOffset);
        return offsets[slot] == queueOffset ? startMillis[slot] : NONE;
    }

    void remove(long queueOffset) {
        int slot = slot(queueOffset);
        if (offsets[slot] == queueOffset) {
            offsets[slot] = FREE;
            size--;
        }
    }

    int size() {
        return size;
    }

    int capacity() {
        return offsets.length;
    }

    /** Forgets every start time and gives back the memory of a grown ring. */
    void clear() {
        if (offsets.length > INITIAL_CAPACITY) {
            allocate(INITIAL_CAPACITY);
        } else {
            Arrays.fill(offsets, FREE);
        }
        size = 0;
    }

    private int slot(long queueOffset) {
        return (int) (queueOffset & (offsets.length - 1));
    }

    /** Doubles the capacity until every held offset has a slot of its own. */
    private void grow() {
        long[] oldOffsets = offsets;
        long[] oldStarts = startMillis;
        int capacity = oldOffsets.length * 2;
        boolean placed;
        do {
            allocate(capacity);
            placed = true;
            for (int i = 0; i < oldOffsets.length && placed; i++) {
                if (oldOffsets[i] != FREE) {
                    int slot = slot(oldOffsets[i]);
                    placed = offsets[slot] == FREE;
                    offsets[slot] = oldOffsets[i];
                    startMillis[slot] = oldStarts[i];
                }
            }
            capacity *= 2;
        } while (!placed);
    }

    private void allocate(int capacity) {
        offsets = new long[capacity];
        startMillis = new long[capacity];
        Arrays.fill(offsets, FREE);
    }
}
