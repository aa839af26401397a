package io.nimbusmq.samples.logistics;

import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

import io.nimbusmq.samples.contract.Order;
import io.nimbusmq.samples.contract.Topics;
import io.nimbusmq.spring.annotation.MessageListener;
import io.nimbusmq.spring.support.MqHeaders;

/**
 * Reads the customs group's dead-letter topic: what {@link CustomsListener} gave up on, for a person to handle
 * (here: printed).
 */
@Component
public class DeadLetterListener {

    public static final String NAME = "dead-letters";

    private final LogisticsJournal journal;

    public DeadLetterListener(LogisticsJournal journal) {
        this.journal = journal;
    }

    @MessageListener(topic = Topics.CUSTOMS_DEAD_LETTERS, consumerGroup = "logistics-dead-letters")
    public void onDeadLetter(Order order, @Header(MqHeaders.RECONSUME_TIMES) int reconsumeTimes,
            @Header(MqHeaders.TOPIC) String topic) {
        journal.record(NAME, order.id(), "in " + topic + " after " + reconsumeTimes
                + " reconsumes: needs a person");
    }
}
