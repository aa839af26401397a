package io.nimbusmq.benchmark.load;

import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/** Counts send errors of a scenario and keeps the first one, for the report's note. */
final class ErrorTally {

    private final LongAdder count = new LongAdder();
    private final AtomicReference<String> first = new AtomicReference<>();

    void record(Throwable error) {
        count.increment();
        if (first.get() == null) {
            first.compareAndSet(null, error == null ? "unsuccessful send status" : describe(error));
        }
    }

    long count() {
        return count.sum();
    }

    /** "" without errors, else the count and the first one. */
    String note() {
        long n = count.sum();
        return n == 0 ? "" : n + " send errors, first: " + first.get();
    }

    private static String describe(Throwable error) {
        String message = String.valueOf(error.getMessage()).replaceAll("\\s+", " ");
        if (message.length() > 160) {
            message = message.substring(0, 160) + "...";
        }
        return error.getClass().getSimpleName() + ": " + message;
    }
}
