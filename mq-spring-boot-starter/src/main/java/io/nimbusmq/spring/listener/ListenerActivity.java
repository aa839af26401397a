package io.nimbusmq.spring.listener;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * When one listener last received messages, and which of its calls run since when: written by its consume threads
 * ({@link ListenerInvoker}), read by the {@link ListenerMonitor}'s thread.
 */
final class ListenerActivity {

    private final LongSupplier nanoClock;
    private final AtomicLong lastReceivedNanos;
    private final Map<Object, Long> callsStarted = new ConcurrentHashMap<>();
    private final Map<Object, Boolean> reportedCalls = new ConcurrentHashMap<>();

    ListenerActivity(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        this.lastReceivedNanos = new AtomicLong(nanoClock.getAsLong());
    }

    /** A call begins; the returned token ends it. */
    Object callStarted() {
        Object call = new Object();
        long now = nanoClock.getAsLong();
        lastReceivedNanos.set(now);
        callsStarted.put(call, now);
        return call;
    }

    void callEnded(Object call) {
        callsStarted.remove(call);
        reportedCalls.remove(call);
    }

    /** The listener (re)starts: idle time counts from now. */
    void reset() {
        lastReceivedNanos.set(nanoClock.getAsLong());
    }

    long nanosSinceLastReceived() {
        return nanoClock.getAsLong() - lastReceivedNanos.get();
    }

    /** The running time of the longest call past {@code timeoutNanos} not reported yet (marked reported), or -1. */
    long takeOverdueCall(long timeoutNanos) {
        long now = nanoClock.getAsLong();
        long longest = -1;
        for (Map.Entry<Object, Long> call : callsStarted.entrySet()) {
            long running = now - call.getValue();
            if (running > timeoutNanos && reportedCalls.putIfAbsent(call.getKey(), Boolean.TRUE) == null) {
                longest = Math.max(longest, running);
            }
        }
        return longest;
    }
}
