package io.nimbusmq.benchmark.scale;

import java.util.List;
import java.util.Locale;

import io.nimbusmq.benchmark.metrics.MachineLoad;
import io.nimbusmq.benchmark.report.Format;
import io.nimbusmq.benchmark.report.Machine;
import io.nimbusmq.benchmark.report.MarkdownSection;

/**
 * The scale benchmark's section of BENCHMARKS.md: the run, a table per checkpoint with ratios to the empty store, the
 * two targets (throughput within {@value #THROUGHPUT_TOLERANCE_PERCENT} % of the empty store's, recovery that does not
 * grow with the store), the lookups, disk use per message and the accounting of every message.
 */
public final class ScaleReport {

    public static final MarkdownSection SECTION = new MarkdownSection("scale-benchmark");
    static final int THROUGHPUT_TOLERANCE_PERCENT = 10;
    /** The standalone broker's commit log segment: the most a recovery after a kill should validate. */
    static final long SEGMENT_BYTES = 1L << 30;

    /** Everything the report shows besides the checkpoints. */
    public record Run(String startedAt, String command, Machine machine, String loadAtEnd, List<String> settings,
            Lookups.Result byKey, Lookups.Result byId, long acked, long failed, long storedAtEnd, String firstError) {
    }

    private ScaleReport() {
    }

    public static String markdown(Run run, List<CheckpointResult> checkpoints) {
        StringBuilder md = new StringBuilder();
        md.append("## Scale: the store filled to ").append(Format.count(checkpoints.get(checkpoints.size() - 1)
                .checkpoint())).append(" messages (`mq-benchmark`, `ScaleBenchmark`)\n\n");
        Machine m = run.machine();
        md.append(String.format(Locale.ROOT, "Run %s: `%s`. Machine: %s, %d cores, %s, %s, %s; store on %s. Load "
                        + "average %s at the start, %s at the end.%n%n", run.startedAt(), run.command(), m.cpuModel(),
                m.cores(), m.memory(), m.os(), m.java(), m.storeFileSystem(), m.loadAtStart(), run.loadAtEnd()));
        run.settings().forEach(line -> md.append("- ").append(line).append('\n'));
        md.append('\n');
        CheckpointResult base = checkpoints.get(0);
        md.append("| Stored | produce-sync | vs empty | consume, newest | vs empty | consume, oldest | vs empty "
                + "| broker CPU/msg produce / newest | load avg | other CPU | restart after kill -9 | store recovery "
                + "(commit log scanned) |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (CheckpointResult c : checkpoints) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s / %s | %s | %.0f %% | %s "
                            + "| %s |%n",
                    Format.count(c.stored()), Format.rate(c.produceRate()),
                    verdict(c.produceRate(), base.produceRate(), c == base),
                    Format.rate(c.tail().rate()), verdict(c.tail().rate(), base.tail().rate(), c == base),
                    Format.rate(c.oldest().rate()), ratioOnly(c.oldest().rate(), base.oldest().rate(), c == base),
                    Format.cpuMicros(c.produceCpuMicrosPerMessage()),
                    Format.cpuMicros(c.tail().brokerCpuMicrosPerMessage()), c.loadAverage(),
                    c.produce().load().foreignCpuPercent(), Format.millis(c.restart().readyMillis()),
                    c.restart().recoveryMillis() < 0 ? "n/a" : Format.millis(c.restart().recoveryMillis()) + " ("
                            + Format.mebibytes(c.restart().scannedBytes()) + ")"));
        }
        md.append('\n');
        md.append(diskTable(checkpoints));
        md.append('\n');
        md.append(targets(checkpoints)).append('\n');
        md.append(String.format(Locale.ROOT, "Lookups at %s stored (admin API, one at a time): by key "
                        + "(`queryMessage`, QUERY_MESSAGE) median %s, p99 %s over %,d keys drawn from the whole store, "
                        + "%d not found; by offset message id (`viewMessage`, VIEW_MESSAGE_BY_ID) median %s, p99 %s "
                        + "over %,d ids spread over the whole store, %d not found.%n%n",
                Format.count(run.storedAtEnd()), Format.millis(run.byKey().medianMillis()),
                Format.millis(run.byKey().p99Millis()), run.byKey().lookups(), run.byKey().notFound(),
                Format.millis(run.byId().medianMillis()), Format.millis(run.byId().p99Millis()),
                run.byId().lookups(), run.byId().notFound()));
        long missing = checkpoints.stream().mapToLong(c -> c.tail().missing() + c.oldest().missing()).sum();
        md.append(String.format(Locale.ROOT, "Messages: %,d acknowledged, %,d failed sends, %,d in the topic at the "
                        + "end (after every kill -9)%s; consume windows: %,d messages missing or read twice.%n",
                run.acked(), run.failed(), run.storedAtEnd(), run.acked() == run.storedAtEnd() ? ": none lost"
                        : ": **MISMATCH**" + (run.firstError() == null ? "" : "; first error: " + run.firstError()),
                missing));
        return md.toString();
    }

    /** Disk use at each checkpoint, and per message added since the previous one; the fill rate that led there. */
    static String diskTable(List<CheckpointResult> checkpoints) {
        StringBuilder md = new StringBuilder();
        md.append("| Stored | filled at | store on disk | commit log / queues / index | per message added: commit log "
                + "/ queues / index / all | commit log record |\n|---|---|---|---|---|---|\n");
        CheckpointResult previous = null;
        for (CheckpointResult c : checkpoints) {
            StoreFootprint f = c.footprint();
            String added = "(preallocated files)";
            if (previous != null && c.storedAfter() > previous.storedAfter()) {
                StoreFootprint p = previous.footprint();
                long messages = c.storedAfter() - previous.storedAfter();
                added = String.format(Locale.ROOT, "%d / %d / %d / %d B", (f.commitLogBytes() - p.commitLogBytes())
                        / messages, (f.consumeQueueBytes() - p.consumeQueueBytes()) / messages,
                        (f.indexBytes() - p.indexBytes()) / messages, (f.totalBytes() - p.totalBytes()) / messages);
            }
            String record = c.restart().commitLogEnd() > 0 && c.storedAfter() > 0
                    ? String.format(Locale.ROOT, "%d B", c.restart().commitLogEnd() / c.storedAfter()) : "n/a";
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s / %s / %s | %s | %s |%n",
                    Format.count(c.storedAfter()), Double.isNaN(c.fillRate()) ? "-" : Format.rate(c.fillRate()),
                    Format.mebibytes(f.totalBytes()), Format.mebibytes(f.commitLogBytes()),
                    Format.mebibytes(f.consumeQueueBytes()), Format.mebibytes(f.indexBytes()), added, record));
            previous = c;
        }
        return md.append('\n').toString();
    }

    /**
     * The two targets, each PASS or MISS. Recovery after a kill validates the commit log from the start of the segment
     * holding the checkpoint, so its time follows where in that segment the checkpoint lies, not how much lies behind
     * it: the recovery target is that the part validated never exceeds one segment (with the times beside it).
     */
    static String targets(List<CheckpointResult> checkpoints) {
        CheckpointResult base = checkpoints.get(0);
        CheckpointResult last = checkpoints.get(checkpoints.size() - 1);
        boolean throughput = checkpoints.stream().allMatch(c -> within(c.produceRate(), base.produceRate())
                && within(c.tail().rate(), base.tail().rate()));
        long maxScanned = checkpoints.stream().mapToLong(c -> c.restart().scannedBytes()).max().orElse(-1);
        boolean known = checkpoints.stream().allMatch(c -> c.restart().scannedBytes() >= 0);
        boolean recovery = known && maxScanned <= SEGMENT_BYTES;
        boolean busy = checkpoints.stream().anyMatch(c -> c.produce().load().busy()
                || c.tail().measured().load().busy());
        return String.format(Locale.ROOT, "- **%s** throughput within %d %% of the empty store's at every checkpoint "
                        + "(produce-sync and consume of the newest messages; the oldest-messages window reads cold "
                        + "data and is shown for information)%n- **%s** recovery does not grow with the store: it "
                        + "validated at most %s of commit log at any checkpoint (bound: one %s segment, the one "
                        + "holding the checkpoint); store recovery %s at %s stored against %s empty%n%s",
                throughput ? "PASS" : "MISS", THROUGHPUT_TOLERANCE_PERCENT, recovery ? "PASS" : "MISS",
                known ? Format.mebibytes(maxScanned) : "an unknown amount", Format.mebibytes(SEGMENT_BYTES),
                Format.millis(recoveryFigure(last)), Format.count(last.storedAfter()),
                Format.millis(recoveryFigure(base)), busy ? "- Processes outside the measurement used "
                        + (int) MachineLoad.BUSY_FOREIGN_CPU_PERCENT + " % of a core or more during a measured window: the machine was "
                        + "busy, the ratios are not valid.\n" : "");
    }

    /** The store's own recovery time if its log gave one, else the restart to the first send. */
    static double recoveryFigure(CheckpointResult c) {
        return c.restart().recoveryMillis() >= 0 ? c.restart().recoveryMillis() : c.restart().readyMillis();
    }

    static boolean within(double value, double base) {
        return base > 0 && value >= base * (100 - THROUGHPUT_TOLERANCE_PERCENT) / 100.0;
    }

    private static String verdict(double value, double base, boolean isBase) {
        if (isBase) {
            return "1.00x";
        }
        return ratioOnly(value, base, false) + (within(value, base) ? " PASS" : " MISS");
    }

    private static String ratioOnly(double value, double base, boolean isBase) {
        return isBase ? "1.00x" : base > 0 ? Format.ratio(value / base) : "n/a";
    }
}
