package io.nimbusmq.benchmark.report;

/**
 * One target of the comparison and how this run did: the two brokers' figures, their ratio (Nimbus / Apache, or our
 * client / the official client) and the outcome. Over several rounds the figures and the ratio are medians of the
 * rounds that count, {@code range} is the lowest and highest ratio among them and {@code rounds} says how many counted
 * and why others did not (a round measured while foreign processes kept the machine busy during one side only).
 */
public record Verdict(String target, String apache, String nimbus, String ratio, String range, String rounds,
        Outcome outcome) {

    /** A verdict of a single measurement (no range, no rounds). */
    public Verdict(String target, String apache, String nimbus, String ratio, Outcome outcome) {
        this(target, apache, nimbus, ratio, "-", "", outcome);
    }

    public enum Outcome {
        PASS, MISS, NA;

        String label() {
            return this == NA ? "N/A" : name();
        }
    }
}
