package io.nimbusmq.samples.logistics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

import io.nimbusmq.client.consumer.ConsumeMode;
import io.nimbusmq.samples.contract.StatusChange;
import io.nimbusmq.samples.contract.Topics;
import io.nimbusmq.spring.annotation.MessageListener;
import io.nimbusmq.spring.support.MqHeaders;

/**
 * Clustering, ORDERLY: tracks each order's status changes one after the other. The order service sends an order's
 * changes with the order id as hash key (one queue), and an orderly listener consumes a queue on one thread at a
 * time, so step n+1 is never handled before step n. Reports {@code OUT OF ORDER} if it ever happens.
 */
@Component
public class TrackingListener {

    public static final String NAME = "tracking";

    private final LogisticsJournal journal;
    private final Map<String, Integer> lastStep = new ConcurrentHashMap<>();

    public TrackingListener(LogisticsJournal journal) {
        this.journal = journal;
    }

    @MessageListener(topic = Topics.ORDER_STATUS, consumerGroup = "logistics-tracking",
            consumeMode = ConsumeMode.ORDERLY)
    public void onStatusChange(StatusChange change, @Header(MqHeaders.QUEUE_ID) int queueId) {
        int previous = lastStep.getOrDefault(change.orderId(), 0);
        if (change.step() <= previous) {
            journal.record(NAME, change.key(), "again (redelivered), ignored");
            return;
        }
        String verdict = change.step() == previous + 1 ? "in order" : "OUT OF ORDER after step " + previous;
        lastStep.put(change.orderId(), change.step());
        journal.record(NAME, change.key(), "step " + change.step() + " " + change.status() + ", queue " + queueId
                + ", " + verdict);
    }
}
