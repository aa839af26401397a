package io.nimbusmq.samples.demo;

import java.util.Arrays;
import java.util.List;

import io.nimbusmq.samples.contract.Order;
import io.nimbusmq.samples.contract.QuoteRequest;
import io.nimbusmq.samples.contract.Reminder;
import io.nimbusmq.samples.contract.ShippingLabel;
import io.nimbusmq.samples.contract.StatusChange;
import io.nimbusmq.samples.contract.Topics;
import io.nimbusmq.samples.logistics.CustomsListener;
import io.nimbusmq.samples.logistics.DeadLetterListener;
import io.nimbusmq.samples.logistics.LabelBatchListener;
import io.nimbusmq.samples.logistics.PriorityShipmentListener;
import io.nimbusmq.samples.logistics.ReminderListener;
import io.nimbusmq.samples.logistics.ShipmentListener;
import io.nimbusmq.samples.logistics.ShippingQuoteListener;
import io.nimbusmq.samples.logistics.StatusBoardListener;
import io.nimbusmq.samples.logistics.TrackingListener;
import io.nimbusmq.samples.logistics.WarehouseListener;
import io.nimbusmq.samples.order.FlowPlan;

/** What each logistics listener receives when the order service sends a {@link FlowPlan}. */
public final class DemoExpectations {

    private DemoExpectations() {
    }

    public static List<Expectation> of(FlowPlan plan) {
        List<String> statusKeys = plan.statusChanges().stream().map(StatusChange::key).toList();
        Order customs = plan.customsOrder();
        return List.of(
                new Expectation(ShipmentListener.NAME, "clustering, TAG '" + Topics.TAG_CREATED + "' (sync, async, "
                        + "one-way sends)", ids(plan.syncOrder(), plan.asyncOrder(), plan.oneWayOrder())),
                new Expectation(PriorityShipmentListener.NAME, "SQL92 " + PriorityShipmentListener.SELECTOR,
                        ids(plan.syncOrder())),
                new Expectation(TrackingListener.NAME, "orderly per order id", statusKeys),
                new Expectation(StatusBoardListener.NAME, "broadcast", statusKeys),
                new Expectation(ReminderListener.NAME, "delay level 1 and deliver-at", List.of(
                        new Reminder(plan.paymentDue().id(), Topics.TAG_PAYMENT, 0).key(),
                        new Reminder(plan.pickupDue().id(), Topics.TAG_PICKUP, 0).key())),
                new Expectation(LabelBatchListener.NAME, "batch send, batch listener",
                        plan.labels().stream().map(ShippingLabel::labelId).toList()),
                new Expectation(WarehouseListener.NAME, "transactions: commit and check-back commit, "
                        + plan.rolledBack().id() + " rolled back", ids(plan.committed(), plan.checkedBack())),
                new Expectation(ShippingQuoteListener.NAME, "request-reply",
                        plan.quoteRequests().stream().map(QuoteRequest::orderId).toList()),
                new Expectation(CustomsListener.NAME, "failing listener, max " + CustomsListener.MAX_RECONSUME_TIMES
                        + " retry", List.of(customs.id() + "#1", customs.id() + "#2")),
                new Expectation(DeadLetterListener.NAME, Topics.CUSTOMS_DEAD_LETTERS, ids(customs)));
    }

    private static List<String> ids(Order... orders) {
        return Arrays.stream(orders).map(Order::id).toList();
    }
}
