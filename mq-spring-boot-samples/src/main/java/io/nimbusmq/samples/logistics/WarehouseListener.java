package io.nimbusmq.samples.logistics;

import org.springframework.stereotype.Component;

import io.nimbusmq.samples.contract.Order;
import io.nimbusmq.samples.contract.Topics;
import io.nimbusmq.spring.annotation.MessageListener;
import io.nimbusmq.spring.core.MqListener;

/**
 * Paid orders, sent in transactions: only those whose local transaction committed (at once or after the broker's
 * check-back) ever arrive; a rolled-back one never does.
 */
@Component
@MessageListener(topic = Topics.PAID_ORDERS, consumerGroup = "logistics-warehouse")
public class WarehouseListener implements MqListener<Order> {

    public static final String NAME = "warehouse";

    private final LogisticsJournal journal;

    public WarehouseListener(LogisticsJournal journal) {
        this.journal = journal;
    }

    @Override
    public void onMessage(Order order) {
        journal.record(NAME, order.id(), "reserve " + order.item() + " (transaction committed)");
    }
}
