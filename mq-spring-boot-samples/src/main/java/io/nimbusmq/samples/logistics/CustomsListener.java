package io.nimbusmq.samples.logistics;

import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

import io.nimbusmq.samples.contract.Order;
import io.nimbusmq.samples.contract.Topics;
import io.nimbusmq.spring.annotation.MessageListener;
import io.nimbusmq.spring.support.MqHeaders;

/**
 * Retry, then dead letter: the customs declaration service is down, so every order tagged {@code customs} fails. The
 * broker redelivers it once (after delay level 3, 10 s), and when that fails too moves it to
 * {@code %DLQ%logistics-customs}, where {@link DeadLetterListener} picks it up.
 */
@Component
public class CustomsListener {

    public static final String NAME = "customs";

    /** Retries before the broker gives up: one, so the demo reaches the dead-letter queue after about 10 s. */
    public static final int MAX_RECONSUME_TIMES = 1;

    private final LogisticsJournal journal;

    public CustomsListener(LogisticsJournal journal) {
        this.journal = journal;
    }

    @MessageListener(topic = Topics.ORDERS, consumerGroup = Topics.CUSTOMS_GROUP, selectorExpression = Topics.TAG_CUSTOMS,
            maxReconsumeTimes = "" + MAX_RECONSUME_TIMES)
    public void onCustomsOrder(Order order, @Header(MqHeaders.RECONSUME_TIMES) int reconsumeTimes) {
        int attempt = reconsumeTimes + 1;
        journal.record(NAME, order.id() + "#" + attempt, "attempt " + attempt + " of " + (MAX_RECONSUME_TIMES + 1)
                + ": customs service unavailable, failing" + (attempt <= MAX_RECONSUME_TIMES
                        ? " (the broker retries in 10 s)" : " (next stop: dead letters)"));
        throw new IllegalStateException("customs declaration service unavailable for order " + order.id());
    }
}
