package io.nimbusmq.samples.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;

import io.nimbusmq.broker.transaction.TransactionConfig;
import io.nimbusmq.client.consumer.ConsumeMode;
import io.nimbusmq.client.producer.LocalTransactionState;
import io.nimbusmq.samples.contract.Order;
import io.nimbusmq.samples.contract.QuoteRequest;
import io.nimbusmq.samples.contract.Reminder;
import io.nimbusmq.samples.contract.ShippingLabel;
import io.nimbusmq.samples.contract.ShippingQuote;
import io.nimbusmq.samples.contract.StatusChange;
import io.nimbusmq.samples.contract.Topics;
import io.nimbusmq.spring.annotation.MessageListener;
import io.nimbusmq.spring.autoconfigure.EmbeddedBrokerCustomizer;
import io.nimbusmq.spring.test.MessageCollector;

/**
 * Starts the order service as it ships ({@code order.yml}, its embedded development broker, the flow run when ready)
 * with test listeners in the logistics service's place: every send mode arrives, the rolled-back order never does,
 * the check-back commits the open transaction, and the request gets its reply.
 */
@SpringBootTest(classes = {OrderServiceApplication.class, OrderServiceApplicationIntegrationTests.Receivers.class},
        properties = {"spring.config.name=" + OrderServiceApplication.CONFIG_NAME,
            "mq.consumer.consume-from-where=CONSUME_FROM_FIRST_OFFSET",
            // created at start, so that the listeners find their routes at once, not at a rebalance 20 s later
            "mq.embedded.topics=orders,order-status,reminders,shipping-labels,paid-orders,shipping-quotes"})
@DirtiesContext
class OrderServiceApplicationIntegrationTests {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    OrderFlowStarter starter;

    @Autowired
    Receivers receivers;

    @Autowired
    OrdersTable orders;

    @Test
    void theStartupFlowDeliversEverySendMode() throws Exception {
        FlowReport report = starter.report().get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        FlowPlan plan = report.plan();
        assertThat(report.failures()).isEmpty();

        // sync, async, one-way and the customs order: the test listener takes every tag
        List<Order> sent = List.of(plan.syncOrder(), plan.asyncOrder(), plan.oneWayOrder(), plan.customsOrder());
        assertThat(receivers.orders.awaitCount(sent.size(), PATIENCE)).extracting(Order::id)
                .containsExactlyInAnyOrderElementsOf(sent.stream().map(Order::id).toList());

        // orderly: per order, the steps arrive 1, 2, 3, 4
        List<StatusChange> changes = receivers.statuses.awaitCount(plan.statusChanges().size(), PATIENCE);
        for (Order order : plan.trackedOrders()) {
            assertThat(changes.stream().filter(c -> c.orderId().equals(order.id())).map(StatusChange::step))
                    .containsExactly(1, 2, 3, 4);
        }

        // delay level 1 and deliver-at: never before they are due
        List<Reminder> reminders = receivers.reminders.awaitCount(2, PATIENCE);
        assertThat(reminders).extracting(Reminder::key).containsExactlyInAnyOrder(
                plan.paymentDue().id() + ":" + Topics.TAG_PAYMENT, plan.pickupDue().id() + ":" + Topics.TAG_PICKUP);
        assertThat(receivers.reminderLateness).allSatisfy(lateness -> assertThat(lateness).isNotNegative());

        // batch
        assertThat(receivers.labels.awaitCount(plan.labels().size(), PATIENCE))
                .containsExactlyInAnyOrderElementsOf(plan.labels());

        // request-reply: both requests got the test replier's answer
        assertThat(report.quotes()).containsOnlyKeys(plan.quoteRequests().stream().map(QuoteRequest::orderId)
                .toList());
        assertThat(report.quotes().get(plan.syncOrder().id()).carrier()).isEqualTo("TEST");
    }

    @Test
    void transactionsCommitRollBackAndAreCheckedBack() throws Exception {
        FlowReport report = starter.report().get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        FlowPlan plan = report.plan();

        assertThat(report.transactions()).isEqualTo(Map.of(
                plan.committed().id(), LocalTransactionState.COMMIT_MESSAGE,
                plan.rolledBack().id(), LocalTransactionState.ROLLBACK_MESSAGE,
                plan.checkedBack().id(), LocalTransactionState.UNKNOW));
        // the UNKNOW one is delivered once the broker's check-back found it in the orders table
        assertThat(receivers.paidOrders.awaitCount(2, PATIENCE)).extracting(Order::id)
                .containsExactlyInAnyOrder(plan.committed().id(), plan.checkedBack().id());
        assertThat(orders.contains(plan.rolledBack().id())).isFalse();
        assertThat(orders.contains(plan.committed().id())).isTrue();
        assertThat(orders.contains(plan.checkedBack().id())).isTrue();
        // the rolled-back order was sent before the checked-back one, which has arrived: it never will
        assertThat(receivers.paidOrders.received()).extracting(Order::id).doesNotContain(plan.rolledBack().id());
    }

    /**
     * The logistics service's stand-in. A plain class (not a component), so that no application scan picks it up.
     */
    static class Receivers {
        final MessageCollector<Order> orders = new MessageCollector<>();
        final MessageCollector<StatusChange> statuses = new MessageCollector<>();
        final MessageCollector<Reminder> reminders = new MessageCollector<>();
        final List<Long> reminderLateness = new CopyOnWriteArrayList<>();
        final MessageCollector<ShippingLabel> labels = new MessageCollector<>();
        final MessageCollector<Order> paidOrders = new MessageCollector<>();

        /** A check-back within seconds instead of after 6 to 36 s. */
        @Bean
        EmbeddedBrokerCustomizer quickTransactionCheckBack() {
            return builder -> builder.transaction(TransactionConfig.defaults().withCheckIntervalMillis(1_000)
                    .withTimeoutMillis(1_000));
        }

        @MessageListener(topic = Topics.ORDERS, consumerGroup = "test-orders")
        void order(Order order) {
            orders.add(order);
        }

        @MessageListener(topic = Topics.ORDER_STATUS, consumerGroup = "test-status", consumeMode = ConsumeMode.ORDERLY)
        void status(StatusChange change) {
            statuses.add(change);
        }

        @MessageListener(topic = Topics.REMINDERS, consumerGroup = "test-reminders")
        void reminder(Reminder reminder) {
            reminderLateness.add(System.currentTimeMillis() - reminder.dueAtMillis());
            reminders.add(reminder);
        }

        @MessageListener(topic = Topics.SHIPPING_LABELS, consumerGroup = "test-labels", batch = true)
        void labels(List<ShippingLabel> batch) {
            batch.forEach(labels::add);
        }

        @MessageListener(topic = Topics.PAID_ORDERS, consumerGroup = "test-paid-orders")
        void paid(Order order) {
            paidOrders.add(order);
        }

        @MessageListener(topic = Topics.SHIPPING_QUOTES, consumerGroup = "test-quotes")
        ShippingQuote quote(QuoteRequest request) {
            return new ShippingQuote(request.orderId(), "TEST", 100, 1);
        }
    }
}
