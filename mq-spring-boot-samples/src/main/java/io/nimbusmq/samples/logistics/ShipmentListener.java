package io.nimbusmq.samples.logistics;

import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

import io.nimbusmq.samples.contract.Order;
import io.nimbusmq.samples.contract.Topics;
import io.nimbusmq.spring.annotation.MessageListener;
import io.nimbusmq.spring.support.MqHeaders;

/**
 * Clustering, concurrent, TAG selector: plans a shipment for every new order. Several instances of the service share
 * the work (each message goes to one of them); {@code orders:customs} messages are not selected.
 */
@Component
public class ShipmentListener {

    public static final String NAME = "shipments";

    private final LogisticsJournal journal;

    public ShipmentListener(LogisticsJournal journal) {
        this.journal = journal;
    }

    @MessageListener(topic = Topics.ORDERS, consumerGroup = "logistics-shipments",
            selectorExpression = Topics.TAG_CREATED)
    public void onNewOrder(Order order, @Header(MqHeaders.TAGS) String tag) {
        journal.record(NAME, order.id(), "plan shipment of " + order.item() + " to " + order.region()
                + " (TAG " + tag + ")");
    }
}
