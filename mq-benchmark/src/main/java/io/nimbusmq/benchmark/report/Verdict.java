package io.nimbusmq.benchmark.report;

/**
 * One target of the comparison and how this run did: the two brokers' figures, their ratio (Nimbus / Apache, or our
 * client / the official client) and the outcome.
 */
public record Verdict(String target, String apache, String nimbus, String ratio, Outcome outcome) {

    public enum Outcome {
        PASS, MISS, NA;

        String label() {
            return this == NA ? "N/A" : name();
        }
    }
}
