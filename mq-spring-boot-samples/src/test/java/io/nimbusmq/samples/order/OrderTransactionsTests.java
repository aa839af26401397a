package io.nimbusmq.samples.order;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.messaging.support.MessageBuilder;

import io.nimbusmq.client.producer.LocalTransactionState;
import io.nimbusmq.samples.contract.Order;

class OrderTransactionsTests {

    private final OrdersTable orders = new OrdersTable();
    private final OrderTransactions transactions = new OrderTransactions(orders);

    @Test
    void anOrderInStockIsInsertedAndCommitted() {
        Order kayak = new Order("o-1", "eve", "EU", 120, "kayak");

        assertThat(transactions.executeLocalTransaction(MessageBuilder.withPayload(kayak).build(),
                OrderTransactions.Answer.NOW)).isEqualTo(LocalTransactionState.COMMIT_MESSAGE);
        assertThat(orders.find("o-1")).contains(kayak);
    }

    @Test
    void anOutOfStockOrderIsRolledBackAndNotInserted() {
        Order camera = new Order("o-2", "fred", "EU", 60, "vintage-camera");

        assertThat(transactions.executeLocalTransaction(MessageBuilder.withPayload(camera).build(),
                OrderTransactions.Answer.NOW)).isEqualTo(LocalTransactionState.ROLLBACK_MESSAGE);
        assertThat(orders.contains("o-2")).isFalse();
        assertThat(transactions.checkLocalTransaction(MessageBuilder.withPayload(camera).build()))
                .isEqualTo(LocalTransactionState.ROLLBACK_MESSAGE);
    }

    @Test
    void anAnswerLeftOpenIsCommittedByTheCheckBackFromTheTable() {
        Order skates = new Order("o-3", "gina", "US", 95, "skates");

        assertThat(transactions.executeLocalTransaction(MessageBuilder.withPayload(skates).build(),
                OrderTransactions.Answer.LATER)).isEqualTo(LocalTransactionState.UNKNOW);
        assertThat(transactions.checkLocalTransaction(MessageBuilder.withPayload(skates).build()))
                .isEqualTo(LocalTransactionState.COMMIT_MESSAGE);
    }
}
