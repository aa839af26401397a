package io.nimbusmq.broker.time;

import java.time.Clock;

/** Helpers for services that wait on a {@link Clock} which may be a {@link ManualClock}. */
public final class Clocks {

    private Clocks() {
    }

    /** Registers {@code wakeUp} to run whenever a manual clock is advanced; does nothing for a real clock. */
    public static void onAdvance(Clock clock, Runnable wakeUp) {
        if (clock instanceof ManualClock manual) {
            manual.onAdvance(wakeUp);
        }
    }

    /** Undoes {@link #onAdvance} (a stopped service must not be woken by a clock that outlives it). */
    public static void removeOnAdvance(Clock clock, Runnable wakeUp) {
        if (clock instanceof ManualClock manual) {
            manual.removeListener(wakeUp);
        }
    }
}
