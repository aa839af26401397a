package io.nimbusmq.samples.order;

import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs {@link OrderFlow} once when the application is ready, on a thread of its own, with a fresh run id.
 * {@code samples.order.run-on-startup=false} turns it off (the demo runs the flow itself).
 */
@Component
@ConditionalOnProperty(name = "samples.order.run-on-startup", havingValue = "true", matchIfMissing = true)
public class OrderFlowStarter {

    private static final Logger log = LoggerFactory.getLogger(OrderFlowStarter.class);

    private final OrderFlow flow;
    private final CompletableFuture<FlowReport> report = new CompletableFuture<>();

    public OrderFlowStarter(OrderFlow flow) {
        this.flow = flow;
    }

    /** A run id such as {@code o3fa9c}: six hex digits, fresh per run. */
    public static String newRunId() {
        return "o" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(2);
    }

    @EventListener(ApplicationReadyEvent.class)
    public void onReady() {
        Thread thread = new Thread(() -> {
            try {
                FlowReport result = flow.run(FlowPlan.forRun(newRunId()));
                log.info("[order] flow finished; still running to answer transaction check-backs (Ctrl-C stops)");
                report.complete(result);
            } catch (RuntimeException e) {
                log.error("[order] flow failed", e);
                report.completeExceptionally(e);
            }
        }, "order-flow");
        thread.setDaemon(true);
        thread.start();
    }

    /** The report of the startup run, once it finished. */
    public CompletableFuture<FlowReport> report() {
        return report;
    }
}
