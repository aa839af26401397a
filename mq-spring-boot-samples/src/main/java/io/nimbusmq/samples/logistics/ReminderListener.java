package io.nimbusmq.samples.logistics;

import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

import io.nimbusmq.samples.contract.Reminder;
import io.nimbusmq.samples.contract.Topics;
import io.nimbusmq.spring.annotation.MessageListener;
import io.nimbusmq.spring.support.MqHeaders;

/**
 * Delayed deliveries: the payment reminder was sent with delay level 1 (1 s), the pickup reminder with a delivery
 * time. Prints how long after sending each arrived.
 */
@Component
public class ReminderListener {

    public static final String NAME = "reminders";

    private final LogisticsJournal journal;

    public ReminderListener(LogisticsJournal journal) {
        this.journal = journal;
    }

    @MessageListener(topic = Topics.REMINDERS, consumerGroup = "logistics-reminders",
            selectorExpression = Topics.TAG_PAYMENT + " || " + Topics.TAG_PICKUP)
    public void onReminder(Reminder reminder, @Header(MqHeaders.BORN_TIMESTAMP) long sentAtMillis) {
        long now = System.currentTimeMillis();
        journal.record(NAME, reminder.key(), String.format("%s reminder arrived %.1f s after it was sent (due %+.1f s)",
                reminder.kind(), (now - sentAtMillis) / 1000.0, (now - reminder.dueAtMillis()) / 1000.0));
    }
}
