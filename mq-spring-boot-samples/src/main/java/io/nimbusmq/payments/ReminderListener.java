package io.nimbusmq.payments;

import io.nimbusmq.spring.annotation.MessageListener;
import io.nimbusmq.spring.core.MqListener;

/** Was {@code RocketMQListener<Payment>}: implement {@link MqListener} instead; nothing else changes. */
@MessageListener(topic = "payment-reminders", consumerGroup = "payments-reminders")
public class ReminderListener implements MqListener<Payment> {

    private final Ledger ledger;

    public ReminderListener(Ledger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void onMessage(Payment payment) {
        ledger.record("reminded " + payment.id());
    }
}
