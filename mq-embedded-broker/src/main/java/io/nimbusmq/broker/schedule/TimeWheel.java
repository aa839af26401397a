package io.nimbusmq.broker.schedule;

import java.util.Arrays;

/**
 * The heads of the per-second chains of {@link TimerLog} entries: slot {@code second mod slots} holds the position
 * of the newest entry targeting that second, and each entry links to the previous one of its slot. The wheel costs
 * 8 bytes per slot whatever the number of waiting messages; it lives in memory and is rebuilt from the timer log at
 * start-up. A slot may hold entries of later rounds (a second one or more turns ahead) when the cursor lags by more
 * than a turn; loading a slot hands back those entries to be linked again. Not thread-safe.
 */
public final class TimeWheel {

    public static final long SLOT_MILLIS = 1_000;
    private static final long EMPTY = -1;

    private final long[] heads;

    public TimeWheel(int slots) {
        if (slots <= 0) {
            throw new IllegalArgumentException("slots must be positive: " + slots);
        }
        this.heads = new long[slots];
        Arrays.fill(heads, EMPTY);
    }

    /** A wheel that turns once per {@code 2 × rollWindowMillis}, so no slot holds two rounds while on time. */
    public static TimeWheel forRollWindow(long rollWindowMillis) {
        return new TimeWheel((int) Math.min(Integer.MAX_VALUE - 8, 2 * (rollWindowMillis / SLOT_MILLIS) + 2));
    }

    public int slots() {
        return heads.length;
    }

    private int slotOf(long second) {
        return (int) Math.floorMod(second, (long) heads.length);
    }

    /** Makes {@code position} the newest entry of its second's slot and returns the previous head (or -1). */
    public long push(long second, long position) {
        int slot = slotOf(second);
        long previous = heads[slot];
        heads[slot] = position;
        return previous;
    }

    /** Empties the slot of {@code second} and returns its newest entry (or -1); follow the links from there. */
    public long take(long second) {
        int slot = slotOf(second);
        long head = heads[slot];
        heads[slot] = EMPTY;
        return head;
    }
}
