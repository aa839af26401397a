package io.nimbusmq.benchmark.report;

import static io.nimbusmq.benchmark.report.ComparisonData.APACHE;
import static io.nimbusmq.benchmark.report.ComparisonData.ASYNC_FLUSH;
import static io.nimbusmq.benchmark.report.ComparisonData.NIMBUS;
import static io.nimbusmq.benchmark.report.ComparisonData.OFFICIAL;
import static io.nimbusmq.benchmark.report.ComparisonData.OUR_CLIENT;
import static io.nimbusmq.benchmark.report.ComparisonData.SYNC_FLUSH;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleFunction;
import java.util.function.ToDoubleFunction;

import io.nimbusmq.benchmark.metrics.ScenarioResult;
import io.nimbusmq.benchmark.report.Verdict.Outcome;

/**
 * The targets of the comparison (issues 6 and 17), each a ratio of Nimbus MQ to Apache RocketMQ measured in the same
 * run, so that the machine's speed and load cancel out as far as they can:
 *
 * <ul>
 * <li>broker CPU time per message at most 0.33x, in every scenario;</li>
 * <li>produce-sync (32 threads, 1 KiB): at least 1.5x, with ASYNC_FLUSH and with SYNC_FLUSH;</li>
 * <li>draining a backlog: at least 1.5x;</li>
 * <li>round trip at a fixed rate: end-to-end p99 at most 0.5x, p99.9 at most 1x;</li>
 * <li>start-up, launch to the first successful send: at most 0.25x;</li>
 * <li>resident memory after the run, same heap limit: at most 0.5x;</li>
 * <li>our own client against our broker at least as fast as the official client against it, and its round-trip p99
 * within 1.2x of the official client's;</li>
 * <li>nothing lost, nothing duplicated, in every run.</li>
 * </ul>
 *
 * <p>With several rounds every target is judged on the median of its per-round ratios, and the range is shown. A
 * round's ratio is refused, not counted, when foreign processes kept the machine busy during one side of it only
 * ({@link io.nimbusmq.benchmark.metrics.MachineLoad#busy()}): such a ratio says more about the machine than about the
 * brokers. Start-up and memory are measured once, in the first round.
 */
public final class Targets {

    static final double CPU_RATIO = 0.33;
    static final double PRODUCE_ASYNC_FLUSH_RATIO = 1.5;
    static final double PRODUCE_SYNC_FLUSH_RATIO = 1.5;
    static final double CONSUME_RATIO = 1.5;
    static final double ROUND_TRIP_P99_RATIO = 0.5;
    static final double ROUND_TRIP_P999_RATIO = 1.0;
    static final double STARTUP_RATIO = 0.25;
    static final double RSS_RATIO = 0.5;
    static final double OUR_CLIENT_RATIO = 1.0;
    static final double OUR_CLIENT_P99_RATIO = 1.2;

    private Targets() {
    }

    public static List<Verdict> evaluate(ComparisonData data) {
        Map<String, List<Figures>> byTarget = new LinkedHashMap<>();
        List<Integer> rounds = data.rounds();
        for (int round : rounds.isEmpty() ? List.of(1) : rounds) {
            boolean first = rounds.isEmpty() || round == rounds.get(0);
            for (Figures f : figures(data.round(round), first)) {
                byTarget.computeIfAbsent(f.target(), k -> new ArrayList<>()).add(f);
            }
        }
        List<Verdict> verdicts = new ArrayList<>();
        byTarget.values().forEach(list -> verdicts.add(summarize(list)));
        if (verdicts.stream().noneMatch(v -> v.target().startsWith("our client vs official"))) {
            verdicts.add(new Verdict("our client vs official client against Nimbus MQ: >= " + OUR_CLIENT_RATIO + "x",
                    "-", "-", "-", Outcome.NA));
        }
        verdicts.add(clean(data));
        return verdicts;
    }

    /** Every ratio target's figures in one round; start-up and memory only in the first round. */
    private static List<Figures> figures(ComparisonData round, boolean first) {
        List<Figures> figures = new ArrayList<>();
        figures.add(higherIsBetter(round, "produce-sync, ASYNC_FLUSH: msgs/s >= " + PRODUCE_ASYNC_FLUSH_RATIO + "x",
                ASYNC_FLUSH, "produce-sync", PRODUCE_ASYNC_FLUSH_RATIO));
        figures.add(higherIsBetter(round, "produce-sync, SYNC_FLUSH: msgs/s >= " + PRODUCE_SYNC_FLUSH_RATIO + "x",
                SYNC_FLUSH, "produce-sync", PRODUCE_SYNC_FLUSH_RATIO));
        figures.add(higherIsBetter(round, "consume (backlog): msgs/s >= " + CONSUME_RATIO + "x", ASYNC_FLUSH,
                "consume", CONSUME_RATIO));
        figures.add(roundTrip(round, "p99", ROUND_TRIP_P99_RATIO, r -> r.latency().p99Micros()));
        figures.add(roundTrip(round, "p99.9", ROUND_TRIP_P999_RATIO, r -> r.latency().p999Micros()));
        if (first) {
            figures.add(compare("start-up, launch to first successful send (median): <= " + STARTUP_RATIO + "x",
                    round.startup(APACHE), round.startup(NIMBUS), StartupFigures::medianReadyMillis, Format::millis,
                    STARTUP_RATIO, false));
            figures.add(compare("RSS after the ASYNC_FLUSH run, same -Xmx: <= " + RSS_RATIO + "x",
                    round.run(APACHE, ASYNC_FLUSH), round.run(NIMBUS, ASYNC_FLUSH),
                    r -> r.memoryAfterRun().rssBytes() > 0 ? r.memoryAfterRun().rssBytes() : Double.NaN,
                    Format::mebibytes, RSS_RATIO, false));
        }
        figures.addAll(cpu(round));
        figures.addAll(ourClient(round));
        return figures;
    }

    private static Figures higherIsBetter(ComparisonData data, String target, String flush, String scenario,
            double ratio) {
        Optional<ScenarioResult> apache = data.result(APACHE, flush, scenario, OFFICIAL);
        Optional<ScenarioResult> nimbus = data.result(NIMBUS, flush, scenario, OFFICIAL);
        return compare(target, apache, nimbus, ScenarioResult::messagesPerSecond, Format::rate, ratio, true);
    }

    private static Figures roundTrip(ComparisonData data, String percentile, double ratio,
            ToDoubleFunction<ScenarioResult> latency) {
        return compare("round-trip: end-to-end " + percentile + " <= " + ratio + "x",
                data.result(APACHE, ASYNC_FLUSH, "round-trip", OFFICIAL),
                data.result(NIMBUS, ASYNC_FLUSH, "round-trip", OFFICIAL),
                r -> r.latency().count() > 0 ? latency.applyAsDouble(r) : Double.NaN, Format::micros, ratio, false);
    }

    private static List<Figures> cpu(ComparisonData data) {
        List<Figures> figures = new ArrayList<>();
        for (String flush : List.of(ASYNC_FLUSH, SYNC_FLUSH)) {
            Optional<SuiteRun> run = data.run(NIMBUS, flush).or(() -> data.run(APACHE, flush));
            for (ScenarioResult result : run.map(SuiteRun::results).orElse(List.of())) {
                if (!result.driver().equals(OFFICIAL)) {
                    continue;
                }
                figures.add(compare("broker CPU per message, " + result.scenario() + ", " + flush + ": <= "
                                + CPU_RATIO + "x",
                        data.result(APACHE, flush, result.scenario(), OFFICIAL),
                        data.result(NIMBUS, flush, result.scenario(), OFFICIAL),
                        ScenarioResult::brokerCpuMicrosPerMessage, Format::cpuMicros, CPU_RATIO, false));
            }
        }
        return figures;
    }

    /** Our client against the official one, both against our broker: here "apache" holds the official client. */
    private static List<Figures> ourClient(ComparisonData data) {
        List<Figures> figures = new ArrayList<>();
        Optional<SuiteRun> run = data.run(NIMBUS, ASYNC_FLUSH);
        for (ScenarioResult ours : run.map(SuiteRun::results).orElse(List.of())) {
            if (!ours.driver().equals(OUR_CLIENT)) {
                continue;
            }
            Optional<ScenarioResult> official = run.get().result(ours.scenario(), OFFICIAL);
            boolean latency = ours.scenario().equals("round-trip");
            double ratio = latency ? OUR_CLIENT_P99_RATIO : OUR_CLIENT_RATIO;
            figures.add(compare("our client vs official client, Nimbus MQ, " + ours.scenario() + ": "
                            + (latency ? "p99 <= " : "msgs/s >= ") + ratio + "x", official, Optional.of(ours),
                    latency ? r -> r.latency().p99Micros() : ScenarioResult::messagesPerSecond,
                    latency ? Format::micros : Format::rate, ratio, !latency));
        }
        return figures;
    }

    private static Verdict clean(ComparisonData data) {
        String apache = cleanliness(data, APACHE);
        String nimbus = cleanliness(data, NIMBUS);
        boolean anyNimbus = data.runs().stream().anyMatch(r -> r.broker().equals(NIMBUS));
        boolean nimbusClean = anyNimbus && data.runs().stream().filter(r -> r.broker().equals(NIMBUS))
                .flatMap(r -> r.results().stream()).allMatch(r -> r.delivery().clean() && !r.note().startsWith("failed"));
        return new Verdict("every run: nothing lost, nothing duplicated", apache, nimbus, "-",
                !anyNimbus ? Outcome.NA : nimbusClean ? Outcome.PASS : Outcome.MISS);
    }

    private static String cleanliness(ComparisonData data, String broker) {
        long lost = 0;
        long duplicated = 0;
        int scenarios = 0;
        for (SuiteRun run : data.runs()) {
            if (run.broker().equals(broker)) {
                for (ScenarioResult r : run.results()) {
                    lost += r.delivery().lost() + r.delivery().unexpected();
                    duplicated += r.delivery().duplicated();
                    scenarios++;
                }
            }
        }
        return scenarios == 0 ? "-" : String.format(Locale.ROOT, "%,d lost, %,d duplicated", lost, duplicated);
    }

    /**
     * One round's figures of a target: {@code nimbus / apache} is judged against {@code target}, at least it if
     * {@code higherIsBetter}, else at most it. Figures of scenarios carry the machine's load: a round where foreign
     * processes were busy during one side only is refused.
     */
    static <T> Figures compare(String name, Optional<T> apache, Optional<T> nimbus, ToDoubleFunction<T> figure,
            DoubleFunction<String> format, double target, boolean higherIsBetter) {
        double a = apache.map(figure::applyAsDouble).orElse(Double.NaN);
        double n = nimbus.map(figure::applyAsDouble).orElse(Double.NaN);
        String refusal = null;
        boolean busy = false;
        if (apache.orElse(null) instanceof ScenarioResult ra && nimbus.orElse(null) instanceof ScenarioResult rn) {
            busy = ra.load().busy() || rn.load().busy();
            if (ra.load().busy() != rn.load().busy()) {
                refusal = String.format(Locale.ROOT, "foreign CPU %.0f %% vs %.0f %%",
                        ra.load().foreignCpuPercent(), rn.load().foreignCpuPercent());
            }
        }
        return new Figures(name, a, n, format, target, higherIsBetter, refusal, busy);
    }

    /** The verdict over the rounds: medians and range of the rounds that count. */
    static Verdict summarize(List<Figures> rounds) {
        Figures any = rounds.get(0);
        List<Figures> counted = rounds.stream().filter(Figures::counts).toList();
        List<String> refusals = rounds.stream().filter(f -> f.refusal() != null).map(Figures::refusal).toList();
        long busy = counted.stream().filter(Figures::busy).count();
        boolean nothingToSay = (rounds.size() == 1 || counted.isEmpty()) && refusals.isEmpty() && busy == 0;
        String roundsText = nothingToSay ? "" : counted.size() + " of "
                + rounds.size()
                + (refusals.isEmpty() ? "" : "; refused, busy during one side only: " + String.join(", ", refusals))
                + (busy > 0 ? "; busy machine during both sides of " + busy : "");
        if (counted.isEmpty()) {
            String apache = rounds.stream().filter(f -> !Double.isNaN(f.apache())).findFirst()
                    .map(f -> f.format().apply(f.apache())).orElse("-");
            String nimbus = rounds.stream().filter(f -> !Double.isNaN(f.nimbus())).findFirst()
                    .map(f -> f.format().apply(f.nimbus())).orElse("-");
            return new Verdict(any.target(), apache, nimbus, "-", "-", roundsText, Outcome.NA);
        }
        double ratio = StartupFigures.median(counted.stream().mapToDouble(Figures::ratio).toArray());
        double min = counted.stream().mapToDouble(Figures::ratio).min().orElseThrow();
        double max = counted.stream().mapToDouble(Figures::ratio).max().orElseThrow();
        boolean pass = any.higherIsBetter() ? ratio >= any.goal() : ratio <= any.goal();
        return new Verdict(any.target(),
                any.format().apply(StartupFigures.median(counted.stream().mapToDouble(Figures::apache).toArray())),
                any.format().apply(StartupFigures.median(counted.stream().mapToDouble(Figures::nimbus).toArray())),
                Format.ratio(ratio), counted.size() > 1 ? Format.ratio(min) + " - " + Format.ratio(max) : "-",
                roundsText, pass ? Outcome.PASS : Outcome.MISS);
    }

    /** A target's two figures in one round, and why the round does not count, if it does not. */
    record Figures(String target, double apache, double nimbus, DoubleFunction<String> format, double goal,
            boolean higherIsBetter, String refusal, boolean busy) {

        boolean counts() {
            return refusal == null && !Double.isNaN(apache) && !Double.isNaN(nimbus) && apache > 0;
        }

        double ratio() {
            return nimbus / apache;
        }
    }
}
