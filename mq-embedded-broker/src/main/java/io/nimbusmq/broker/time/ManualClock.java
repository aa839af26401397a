package io.nimbusmq.broker.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that only moves when told to, for tests: pass it to {@code EmbeddedBroker.builder().clock(...)} and
 * {@link #advance(Duration)} instead of sleeping through delays, check-back intervals or expiries.
 *
 * <p>Services that wait for a point in time register a listener with {@link #onAdvance(Runnable)} (see
 * {@link Clocks#onAdvance(Clock, Runnable)}) so that an advance wakes them at once.
 */
public final class ManualClock extends Clock {

    private final AtomicLong millis;
    private final ZoneId zone;
    private final List<Runnable> listeners;

    public ManualClock(Instant start) {
        this(new AtomicLong(start.toEpochMilli()), ZoneOffset.UTC, new CopyOnWriteArrayList<>());
    }

    /** Starts at the system time now. */
    public ManualClock() {
        this(Instant.now());
    }

    private ManualClock(AtomicLong millis, ZoneId zone, List<Runnable> listeners) {
        this.millis = millis;
        this.zone = zone;
        this.listeners = listeners;
    }

    /** Moves the clock forward and wakes every listener. */
    public void advance(Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("a clock cannot go back: " + amount);
        }
        millis.addAndGet(amount.toMillis());
        listeners.forEach(Runnable::run);
    }

    /** Called after every advance, on the advancing thread; keep it short (a wake-up). */
    public void onAdvance(Runnable listener) {
        listeners.add(listener);
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    @Override
    public long millis() {
        return millis.get();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis.get());
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new ManualClock(millis, newZone, listeners);
    }
}
