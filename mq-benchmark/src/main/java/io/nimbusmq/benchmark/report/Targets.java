package io.nimbusmq.benchmark.report;

import static io.nimbusmq.benchmark.report.ComparisonData.APACHE;
import static io.nimbusmq.benchmark.report.ComparisonData.ASYNC_FLUSH;
import static io.nimbusmq.benchmark.report.ComparisonData.NIMBUS;
import static io.nimbusmq.benchmark.report.ComparisonData.OFFICIAL;
import static io.nimbusmq.benchmark.report.ComparisonData.OUR_CLIENT;
import static io.nimbusmq.benchmark.report.ComparisonData.SYNC_FLUSH;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.DoubleFunction;
import java.util.function.ToDoubleFunction;

import io.nimbusmq.benchmark.metrics.ScenarioResult;
import io.nimbusmq.benchmark.report.Verdict.Outcome;

/**
 * The targets of the comparison (issue 6), each a ratio of Nimbus MQ to Apache RocketMQ measured in the same run, so
 * that the machine's speed and load cancel out as far as they can:
 *
 * <ul>
 * <li>broker CPU time per message at most 0.5x, in every scenario;</li>
 * <li>produce-sync (32 threads, 1 KiB): at least 1.25x with ASYNC_FLUSH and 1.5x with SYNC_FLUSH;</li>
 * <li>draining a backlog: at least 1.2x;</li>
 * <li>round trip at a fixed rate: end-to-end p99 at most 0.5x;</li>
 * <li>start-up, launch to the first successful send: at most 0.25x;</li>
 * <li>resident memory after the run, same heap limit: at most 0.5x;</li>
 * <li>our own client against our broker at least as fast as the official client against it;</li>
 * <li>nothing lost, nothing duplicated, in every run.</li>
 * </ul>
 */
public final class Targets {

    static final double CPU_RATIO = 0.5;
    static final double PRODUCE_ASYNC_FLUSH_RATIO = 1.25;
    static final double PRODUCE_SYNC_FLUSH_RATIO = 1.5;
    static final double CONSUME_RATIO = 1.2;
    static final double ROUND_TRIP_P99_RATIO = 0.5;
    static final double STARTUP_RATIO = 0.25;
    static final double RSS_RATIO = 0.5;
    static final double OUR_CLIENT_RATIO = 1.0;

    private Targets() {
    }

    public static List<Verdict> evaluate(ComparisonData data) {
        List<Verdict> verdicts = new ArrayList<>();
        verdicts.add(higherIsBetter(data, "produce-sync, ASYNC_FLUSH: msgs/s >= " + PRODUCE_ASYNC_FLUSH_RATIO + "x",
                ASYNC_FLUSH, "produce-sync", PRODUCE_ASYNC_FLUSH_RATIO));
        verdicts.add(higherIsBetter(data, "produce-sync, SYNC_FLUSH: msgs/s >= " + PRODUCE_SYNC_FLUSH_RATIO + "x",
                SYNC_FLUSH, "produce-sync", PRODUCE_SYNC_FLUSH_RATIO));
        verdicts.add(higherIsBetter(data, "consume (backlog): msgs/s >= " + CONSUME_RATIO + "x", ASYNC_FLUSH,
                "consume", CONSUME_RATIO));
        verdicts.add(roundTrip(data));
        verdicts.add(startup(data));
        verdicts.add(rss(data));
        verdicts.addAll(cpu(data));
        verdicts.addAll(ourClient(data));
        verdicts.addAll(clean(data));
        return verdicts;
    }

    private static Verdict higherIsBetter(ComparisonData data, String target, String flush, String scenario,
            double ratio) {
        Optional<ScenarioResult> apache = data.result(APACHE, flush, scenario, OFFICIAL);
        Optional<ScenarioResult> nimbus = data.result(NIMBUS, flush, scenario, OFFICIAL);
        return compare(target, apache, nimbus, ScenarioResult::messagesPerSecond, Format::rate, ratio, true);
    }

    private static Verdict roundTrip(ComparisonData data) {
        return compare("round-trip: end-to-end p99 <= " + ROUND_TRIP_P99_RATIO + "x",
                data.result(APACHE, ASYNC_FLUSH, "round-trip", OFFICIAL),
                data.result(NIMBUS, ASYNC_FLUSH, "round-trip", OFFICIAL),
                r -> r.latency().count() > 0 ? r.latency().p99Micros() : Double.NaN, Format::micros,
                ROUND_TRIP_P99_RATIO, false);
    }

    private static Verdict startup(ComparisonData data) {
        return compare("start-up, launch to first successful send (median): <= " + STARTUP_RATIO + "x",
                data.startup(APACHE), data.startup(NIMBUS), StartupFigures::medianReadyMillis, Format::millis,
                STARTUP_RATIO, false);
    }

    private static Verdict rss(ComparisonData data) {
        return compare("RSS after the ASYNC_FLUSH run, same -Xmx: <= " + RSS_RATIO + "x",
                data.run(APACHE, ASYNC_FLUSH), data.run(NIMBUS, ASYNC_FLUSH),
                r -> r.memoryAfterRun().rssBytes() > 0 ? r.memoryAfterRun().rssBytes() : Double.NaN, Format::mebibytes,
                RSS_RATIO, false);
    }

    private static List<Verdict> cpu(ComparisonData data) {
        List<Verdict> verdicts = new ArrayList<>();
        for (String flush : List.of(ASYNC_FLUSH, SYNC_FLUSH)) {
            Optional<SuiteRun> run = data.run(NIMBUS, flush).or(() -> data.run(APACHE, flush));
            if (run.isEmpty()) {
                continue;
            }
            for (ScenarioResult result : run.get().results()) {
                if (!result.driver().equals(OFFICIAL)) {
                    continue;
                }
                verdicts.add(compare("broker CPU per message, " + result.scenario() + ", " + flush + ": <= "
                                + CPU_RATIO + "x",
                        data.result(APACHE, flush, result.scenario(), OFFICIAL),
                        data.result(NIMBUS, flush, result.scenario(), OFFICIAL),
                        ScenarioResult::brokerCpuMicrosPerMessage, Format::cpuMicros, CPU_RATIO, false));
            }
        }
        return verdicts;
    }

    private static List<Verdict> ourClient(ComparisonData data) {
        List<Verdict> verdicts = new ArrayList<>();
        Optional<SuiteRun> run = data.run(NIMBUS, ASYNC_FLUSH);
        for (ScenarioResult ours : run.map(SuiteRun::results).orElse(List.of())) {
            if (!ours.driver().equals(OUR_CLIENT)) {
                continue;
            }
            Optional<ScenarioResult> official = run.get().result(ours.scenario(), OFFICIAL);
            boolean latency = ours.scenario().equals("round-trip");
            Verdict v = compare("our client vs official client, Nimbus MQ, " + ours.scenario() + ": "
                            + (latency ? "p99 <= " : "msgs/s >= ") + OUR_CLIENT_RATIO + "x", official, Optional.of(ours),
                    latency ? r -> r.latency().p99Micros() : ScenarioResult::messagesPerSecond,
                    latency ? Format::micros : Format::rate, OUR_CLIENT_RATIO, !latency);
            verdicts.add(v); // here the two columns hold the official client's and our client's figures
        }
        if (verdicts.isEmpty()) {
            verdicts.add(new Verdict("our client vs official client against Nimbus MQ: >= " + OUR_CLIENT_RATIO + "x",
                    "-", "-", "-", Outcome.NA));
        }
        return verdicts;
    }

    private static List<Verdict> clean(ComparisonData data) {
        List<Verdict> verdicts = new ArrayList<>();
        String apache = cleanliness(data, APACHE);
        String nimbus = cleanliness(data, NIMBUS);
        boolean anyNimbus = data.runs().stream().anyMatch(r -> r.broker().equals(NIMBUS));
        boolean nimbusClean = anyNimbus && data.runs().stream().filter(r -> r.broker().equals(NIMBUS))
                .flatMap(r -> r.results().stream()).allMatch(r -> r.delivery().clean() && !r.note().startsWith("failed"));
        verdicts.add(new Verdict("every run: nothing lost, nothing duplicated", apache, nimbus, "-",
                !anyNimbus ? Outcome.NA : nimbusClean ? Outcome.PASS : Outcome.MISS));
        return verdicts;
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
     * A verdict from the two figures: {@code nimbus / apache} against {@code target}, at least it if
     * {@code higherIsBetter}, else at most it; N/A when either figure is missing.
     */
    static <T> Verdict compare(String name, Optional<T> apache, Optional<T> nimbus, ToDoubleFunction<T> figure,
            DoubleFunction<String> format, double target, boolean higherIsBetter) {
        double a = apache.map(figure::applyAsDouble).orElse(Double.NaN);
        double n = nimbus.map(figure::applyAsDouble).orElse(Double.NaN);
        String apacheText = Double.isNaN(a) ? "-" : format.apply(a);
        String nimbusText = Double.isNaN(n) ? "-" : format.apply(n);
        if (Double.isNaN(a) || Double.isNaN(n) || a <= 0) {
            return new Verdict(name, apacheText, nimbusText, "-", Outcome.NA);
        }
        double ratio = n / a;
        boolean pass = higherIsBetter ? ratio >= target : ratio <= target;
        return new Verdict(name, apacheText, nimbusText, Format.ratio(ratio), pass ? Outcome.PASS : Outcome.MISS);
    }
}
