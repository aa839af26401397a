package io.nimbusmq.payments;

import java.math.BigDecimal;

import io.nimbusmq.spring.annotation.MessageListener;
import io.nimbusmq.spring.core.MqReplyListener;

/** Was {@code RocketMQReplyListener<Payment, String>}: the same shape, the return value is the reply. */
@MessageListener(topic = "risk-checks", consumerGroup = "payments-risk")
public class RiskCheckListener implements MqReplyListener<Payment, String> {

    static final BigDecimal REVIEW_ABOVE = new BigDecimal("1000");

    @Override
    public String onMessage(Payment payment) {
        return payment.amount().compareTo(REVIEW_ABOVE) > 0 ? "review" : "approved";
    }
}
