package io.nimbusmq.samples.logistics;

import org.springframework.stereotype.Component;

import io.nimbusmq.client.consumer.SelectorType;
import io.nimbusmq.samples.contract.Order;
import io.nimbusmq.samples.contract.Topics;
import io.nimbusmq.spring.annotation.MessageListener;
import io.nimbusmq.spring.core.MqListener;

/**
 * SQL92 selector on the orders' user properties: only European orders above 100 get express handling. The broker
 * filters, so the other orders never reach this service.
 */
@Component
@MessageListener(topic = Topics.ORDERS, consumerGroup = "logistics-eu-priority", selectorType = SelectorType.SQL92,
        selectorExpression = PriorityShipmentListener.SELECTOR)
public class PriorityShipmentListener implements MqListener<Order> {

    public static final String NAME = "eu-priority";
    public static final String SELECTOR = "region = 'EU' AND amount > 100";

    private final LogisticsJournal journal;

    public PriorityShipmentListener(LogisticsJournal journal) {
        this.journal = journal;
    }

    @Override
    public void onMessage(Order order) {
        journal.record(NAME, order.id(), "express handling, " + order.region() + " " + order.amount() + " EUR (SQL92 "
                + SELECTOR + ")");
    }
}
