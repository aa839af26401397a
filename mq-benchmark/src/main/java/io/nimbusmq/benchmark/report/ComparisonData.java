package io.nimbusmq.benchmark.report;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.nimbusmq.benchmark.metrics.ScenarioResult;

/**
 * Everything one comparison measured: start-up series per broker and the broker runs of every round. The lookups
 * without a round answer from the first round that has the figure.
 */
public record ComparisonData(List<StartupFigures> startups, List<SuiteRun> runs) {

    public static final String APACHE = "apache";
    public static final String NIMBUS = "nimbus";
    public static final String ASYNC_FLUSH = "ASYNC_FLUSH";
    public static final String SYNC_FLUSH = "SYNC_FLUSH";
    /** The driver both brokers are compared with. */
    public static final String OFFICIAL = "official";
    /** Our own client's driver, compared with the official one against our broker. */
    public static final String OUR_CLIENT = "nimbus";

    public ComparisonData {
        startups = List.copyOf(startups);
        runs = List.copyOf(runs);
    }

    /** The rounds the runs belong to, in ascending order. */
    public List<Integer> rounds() {
        return runs.stream().map(SuiteRun::round).distinct().sorted().toList();
    }

    /** The same start-ups with only the runs of {@code round}. */
    public ComparisonData round(int round) {
        return new ComparisonData(startups, runs.stream().filter(r -> r.round() == round).toList());
    }

    public Optional<StartupFigures> startup(String broker) {
        return startups.stream().filter(s -> s.broker().equals(broker)).findFirst();
    }

    public Optional<SuiteRun> run(String broker, String flushMode) {
        return runs.stream().filter(r -> r.broker().equals(broker) && r.flushMode().equals(flushMode))
                .min(Comparator.comparingInt(SuiteRun::round));
    }

    public Optional<ScenarioResult> result(String broker, String flushMode, String scenario, String driver) {
        return run(broker, flushMode).flatMap(r -> r.result(scenario, driver));
    }

    public static String label(String broker) {
        return switch (broker) {
            case APACHE -> "Apache RocketMQ";
            case NIMBUS -> "Nimbus MQ";
            default -> broker;
        };
    }
}
