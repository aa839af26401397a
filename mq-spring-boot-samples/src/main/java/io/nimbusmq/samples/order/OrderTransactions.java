package io.nimbusmq.samples.order;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

import io.nimbusmq.client.producer.LocalTransactionState;
import io.nimbusmq.samples.contract.Order;
import io.nimbusmq.samples.contract.Topics;
import io.nimbusmq.spring.annotation.TransactionListener;
import io.nimbusmq.spring.core.MqTransactionListener;

/**
 * The local transaction of a paid order: insert it into the {@link OrdersTable}. The {@code paid-orders} message
 * becomes visible to consumers only if the insert succeeded; an out-of-stock order is rolled back and never
 * delivered. When the service cannot tell the broker the outcome (here: {@link Answer#LATER}, as if it crashed right
 * after the insert), the broker checks back and {@link #checkLocalTransaction} answers from the table.
 */
@Component
@TransactionListener(topics = Topics.PAID_ORDERS)
public class OrderTransactions implements MqTransactionListener<Order> {

    /** When the local transaction answers the broker: at once, or only through the broker's check-back. */
    public enum Answer { NOW, LATER }

    private static final Logger log = LoggerFactory.getLogger(OrderTransactions.class);

    private final OrdersTable orders;

    public OrderTransactions(OrdersTable orders) {
        this.orders = orders;
    }

    @Override
    public LocalTransactionState executeLocalTransaction(Message<Order> message, Object argument) {
        Order order = message.getPayload();
        try {
            orders.insert(order);
        } catch (IllegalStateException e) {
            log.info("[order] local transaction {}: {} -> ROLLBACK", order.id(), e.getMessage());
            return LocalTransactionState.ROLLBACK_MESSAGE;
        }
        if (argument == Answer.LATER) {
            log.info("[order] local transaction {}: inserted, answer left open -> UNKNOW (the broker will check back)",
                    order.id());
            return LocalTransactionState.UNKNOW;
        }
        log.info("[order] local transaction {}: inserted -> COMMIT", order.id());
        return LocalTransactionState.COMMIT_MESSAGE;
    }

    @Override
    public LocalTransactionState checkLocalTransaction(Message<Order> message) {
        Order order = message.getPayload();
        LocalTransactionState state = orders.contains(order.id())
                ? LocalTransactionState.COMMIT_MESSAGE : LocalTransactionState.ROLLBACK_MESSAGE;
        log.info("[order] broker check-back for {}: {} the orders table -> {}", order.id(),
                state == LocalTransactionState.COMMIT_MESSAGE ? "found in" : "absent from", state);
        return state;
    }
}
