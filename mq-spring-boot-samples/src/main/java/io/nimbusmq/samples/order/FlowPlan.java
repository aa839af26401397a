package io.nimbusmq.samples.order;

import java.util.ArrayList;
import java.util.List;

import io.nimbusmq.samples.contract.Order;
import io.nimbusmq.samples.contract.QuoteRequest;
import io.nimbusmq.samples.contract.ShippingLabel;
import io.nimbusmq.samples.contract.StatusChange;

/**
 * What one run of {@link OrderFlow} sends, decided up front so that a receiver (the demo, a test) knows what to
 * expect. Every id starts with the run id, so runs against a long-lived broker never mix.
 *
 * @param syncOrder      sent with a synchronous send ({@code orders:created}, EU, above 100: SQL92 selects it)
 * @param asyncOrder     sent with an asynchronous send ({@code orders:created})
 * @param oneWayOrder    sent one-way ({@code orders:created})
 * @param customsOrder   sent to {@code orders:customs}, whose listener always fails: retried, then dead-lettered
 * @param trackedOrders  whose status changes are sent orderly, by order id
 * @param paymentDue     the order reminded with delay level 1 (1 s)
 * @param pickupDue      the order reminded at a given time (now + the flow's pickup delay)
 * @param labels         sent as one batch
 * @param committed      a transactional send whose local transaction commits
 * @param rolledBack     a transactional send whose local transaction fails (out of stock): never delivered
 * @param checkedBack    a transactional send left UNKNOW, committed by the broker's check-back
 * @param quoteRequests  sent request-reply
 */
public record FlowPlan(String runId, Order syncOrder, Order asyncOrder, Order oneWayOrder, Order customsOrder,
        List<Order> trackedOrders, Order paymentDue, Order pickupDue, List<ShippingLabel> labels, Order committed,
        Order rolledBack, Order checkedBack, List<QuoteRequest> quoteRequests) {

    /** The status changes of each tracked order, in the order they happen. */
    public static final List<String> STATUSES = List.of("CREATED", "PAID", "PACKED", "SHIPPED");

    public static FlowPlan forRun(String runId) {
        Order bike = new Order(runId + "-1", "alice", "EU", 250, "bike");
        Order helmet = new Order(runId + "-2", "bob", "US", 80, "helmet");
        Order lamp = new Order(runId + "-3", "chloe", "EU", 40, "lamp");
        Order tent = new Order(runId + "-4", "dan", "CH", 320, "tent");
        Order kayak = new Order(runId + "-5", "eve", "EU", 120, "kayak");
        Order camera = new Order(runId + "-6", "fred", "EU", 60, "vintage-camera");
        Order skates = new Order(runId + "-7", "gina", "US", 95, "skates");
        List<ShippingLabel> labels = List.of(new ShippingLabel(runId + "-L1", bike.id(), "DHL"),
                new ShippingLabel(runId + "-L2", helmet.id(), "UPS"),
                new ShippingLabel(runId + "-L3", lamp.id(), "DHL"));
        List<QuoteRequest> quotes = List.of(new QuoteRequest(bike.id(), bike.region(), 14_000),
                new QuoteRequest(helmet.id(), helmet.region(), 600));
        return new FlowPlan(runId, bike, helmet, lamp, tent, List.of(bike, helmet), helmet, bike, labels, kayak,
                camera, skates, quotes);
    }

    /** The orderly status changes, interleaved across orders as they are sent. */
    public List<StatusChange> statusChanges() {
        List<StatusChange> changes = new ArrayList<>();
        for (int step = 1; step <= STATUSES.size(); step++) {
            for (Order order : trackedOrders) {
                changes.add(new StatusChange(order.id(), step, STATUSES.get(step - 1)));
            }
        }
        return changes;
    }
}
