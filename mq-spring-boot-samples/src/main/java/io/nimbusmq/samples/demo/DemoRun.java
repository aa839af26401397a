package io.nimbusmq.samples.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.nimbusmq.client.producer.LocalTransactionState;
import io.nimbusmq.samples.logistics.LogisticsJournal;
import io.nimbusmq.samples.logistics.TrackingListener;
import io.nimbusmq.samples.order.FlowPlan;
import io.nimbusmq.samples.order.FlowReport;
import io.nimbusmq.samples.order.OrderFlow;
import io.nimbusmq.samples.order.OrderFlowStarter;
import io.nimbusmq.samples.order.OrdersTable;

/**
 * One demo run: sends a fresh {@link FlowPlan}, waits (up to {@code samples.demo.timeout}) until every logistics
 * listener received what {@link DemoExpectations} says, and prints a summary.
 */
@Component
public class DemoRun {

    private static final Logger log = LoggerFactory.getLogger(DemoRun.class);

    private final OrderFlow flow;
    private final LogisticsJournal journal;
    private final OrdersTable orders;
    private final Duration timeout;

    public DemoRun(OrderFlow flow, LogisticsJournal journal, OrdersTable orders,
            @Value("${samples.demo.timeout:90s}") Duration timeout) {
        this.flow = flow;
        this.journal = journal;
        this.orders = orders;
        this.timeout = timeout;
    }

    public DemoResult run() {
        long start = System.nanoTime();
        FlowPlan plan = FlowPlan.forRun(OrderFlowStarter.newRunId().replaceFirst("^o", "d"));
        FlowReport report = flow.run(plan);
        List<Expectation> expectations = DemoExpectations.of(plan);
        log.info("[demo] all sent; waiting up to {} s for the logistics listeners (the customs retry takes about 10 s)",
                timeout.toSeconds());
        boolean arrived;
        try {
            arrived = journal.awaitUntil(j -> expectations.stream()
                    .allMatch(e -> e.missing(j, plan.runId()).isEmpty()), timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            arrived = false;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        List<String> summary = summarize(plan, report, expectations, took);
        boolean success = arrived && summary.stream().noneMatch(line -> line.startsWith("FAIL"));
        summary.add(success ? "RESULT: OK, every send mode and listener mode worked (" + seconds(took) + ")"
                : "RESULT: FAILED (" + seconds(took) + ")");
        summary.forEach(line -> log.info("[demo] {}", line));
        return new DemoResult(plan.runId(), success, List.copyOf(summary), took);
    }

    private List<String> summarize(FlowPlan plan, FlowReport report, List<Expectation> expectations,
            Duration took) {
        List<String> lines = new ArrayList<>();
        lines.add("===== run " + plan.runId() + " summary after " + seconds(took) + " =====");
        List<FlowReport.Send> failures = report.failures();
        lines.add(status(failures.isEmpty()) + String.format("%-13s %d sends, %d failed%s", "order", report.sends().size(),
                failures.size(), failures.isEmpty() ? "" : ": " + failures));
        for (Expectation expectation : expectations) {
            Set<String> missing = expectation.missing(journal, plan.runId());
            Set<String> unexpected = expectation.unexpected(journal, plan.runId());
            int got = expectation.expected().size() - missing.size();
            lines.add(status(missing.isEmpty() && unexpected.isEmpty()) + String.format("%-13s %d/%d  %s%s%s",
                    expectation.listener(), got, expectation.expected().size(), expectation.mode(),
                    missing.isEmpty() ? "" : "; MISSING " + missing,
                    unexpected.isEmpty() ? "" : "; UNEXPECTED " + unexpected));
        }
        boolean inOrder = journal.receipts().stream().noneMatch(receipt -> receipt.listener()
                .equals(TrackingListener.NAME) && receipt.key().startsWith(plan.runId())
                && receipt.detail().contains("OUT OF ORDER"));
        lines.add(status(inOrder) + String.format("%-13s %s", "ordering", inOrder
                ? "each order's status changes were consumed in order" : "a status change was consumed OUT OF ORDER"));
        boolean transactions = report.transactions().get(plan.committed().id()) == LocalTransactionState.COMMIT_MESSAGE
                && report.transactions().get(plan.rolledBack().id()) == LocalTransactionState.ROLLBACK_MESSAGE
                && report.transactions().get(plan.checkedBack().id()) == LocalTransactionState.UNKNOW
                && orders.contains(plan.committed().id()) && orders.contains(plan.checkedBack().id())
                && !orders.contains(plan.rolledBack().id());
        lines.add(status(transactions) + String.format("%-13s %s committed, %s rolled back (not in the orders table, "
                + "never delivered), %s UNKNOW then committed by check-back", "transactions", plan.committed().id(),
                plan.rolledBack().id(), plan.checkedBack().id()));
        boolean replies = report.quotes().keySet().containsAll(plan.quoteRequests().stream()
                .map(request -> request.orderId()).toList());
        lines.add(status(replies) + String.format("%-13s %d/%d replies: %s", "replies", report.quotes().size(),
                plan.quoteRequests().size(), report.quotes().values()));
        return lines;
    }

    private static String status(boolean ok) {
        return ok ? "OK   " : "FAIL ";
    }

    private static String seconds(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }
}
