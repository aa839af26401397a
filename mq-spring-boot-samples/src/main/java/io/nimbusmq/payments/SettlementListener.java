package io.nimbusmq.payments;

import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

import io.nimbusmq.spring.annotation.MessageListener;
import io.nimbusmq.spring.support.MqHeaders;

/**
 * Was a {@code RocketMQListener<Payment>} class with {@code @RocketMQMessageListener(consumeThreadNumber = 4,
 * maxReconsumeTimes = 3, delayLevelWhenNextConsume = 2, consumeTimeout = 1)} and a
 * {@code RocketMQPushConsumerLifecycleListener} that set the pull interval: every one of those is an attribute now,
 * written as a string ({@code retryDelays = "2"} is delay level 2 for every retry; {@code consumeTimeout} is a
 * duration, not minutes), and the method may take headers besides the payload.
 */
@Component
public class SettlementListener {

    private final Ledger ledger;

    public SettlementListener(Ledger ledger) {
        this.ledger = ledger;
    }

    @MessageListener(topic = "${payments.topic:payments}", consumerGroup = "payments-settlement",
            selectorExpression = "captured || refunded", consumeThreads = "4", maxReconsumeTimes = "3",
            retryDelays = "2", consumeTimeout = "1m", pullInterval = "100ms")
    void settle(Payment payment, @Header(MqHeaders.TAGS) String tag) {
        ledger.record(tag + " " + payment.id() + " " + payment.amount());
    }
}
