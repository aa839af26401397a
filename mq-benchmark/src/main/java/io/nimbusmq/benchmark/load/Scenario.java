package io.nimbusmq.benchmark.load;

import java.util.Arrays;
import java.util.Locale;

/** The scenarios of the comparison, by the id used on command lines, in result files and in the report. */
public enum Scenario {

    /** N threads, each sending one message at a time and waiting for the broker's answer. */
    PRODUCE_SYNC("produce-sync"),
    /** N threads sending asynchronously, with a bounded number of sends in flight. */
    PRODUCE_ASYNC("produce-async"),
    /** N threads sending one-way (no answer from the broker). */
    PRODUCE_ONEWAY("produce-oneway"),
    /** A paced producer and a push consumer at once: end-to-end latency from send to receipt. */
    ROUND_TRIP("round-trip"),
    /** A push consumer draining a backlog written before it started. */
    CONSUME("consume");

    private final String id;

    Scenario(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The topic this scenario uses with {@code driver}: one per scenario and driver, so ids never mix. */
    public String topic(String driver) {
        return "bench_" + driver + "_" + id.replace('-', '_');
    }

    /** A consumer or producer group of this scenario with {@code driver}. */
    public String group(String driver, String role) {
        return "bench_" + driver + "_" + id.replace('-', '_') + "_" + role;
    }

    public static Scenario byId(String id) {
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.id.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown scenario '" + id + "'; known: "
                        + Arrays.stream(values()).map(Scenario::id).toList()));
    }
}
