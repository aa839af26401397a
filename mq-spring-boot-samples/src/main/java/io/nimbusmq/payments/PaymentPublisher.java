package io.nimbusmq.payments;

import java.time.Duration;

import org.springframework.stereotype.Service;

import io.nimbusmq.spring.core.MqTemplate;

/**
 * Was {@code RocketMQTemplate}: {@code syncSend} keeps its {@code topic:tag} destinations, {@code syncSendOrderly} its
 * hash key, {@code syncSendDelayTimeSeconds} becomes {@code syncSendDelayed} with a {@link Duration}, and
 * {@code sendAndReceive} takes its timeout from {@code mq.producer.reply-timeout}.
 */
@Service
public class PaymentPublisher {

    private final MqTemplate template;

    public PaymentPublisher(MqTemplate template) {
        this.template = template;
    }

    public void capture(Payment payment) {
        template.syncSend("payments:captured", payment);
    }

    /** Refunds of one payment stay in order: the payment id picks the queue. */
    public void refund(Payment payment) {
        template.syncSendOrderly("payments:refunded", payment, payment.id());
    }

    public void remind(Payment payment, Duration after) {
        template.syncSendDelayed("payment-reminders", payment, after);
    }

    /** Asks the risk service and waits for its answer. */
    public String riskCheck(Payment payment) {
        return template.sendAndReceive("risk-checks", payment, String.class);
    }
}
