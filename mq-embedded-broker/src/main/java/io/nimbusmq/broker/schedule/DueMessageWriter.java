package io.nimbusmq.broker.schedule;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.nimbusmq.store.MessageStore;
import io.nimbusmq.store.PutMessageStatus;
import io.nimbusmq.store.message.MessageInput;
import io.nimbusmq.store.message.MessageProperties;
import io.nimbusmq.store.message.StoredMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acts on a waiting message whose time has come: reads its copy from the commit log and stores it again, either in
 * its real topic and queue (delivery: the scheduling properties removed, KEYS, TAGS, UNIQ_KEY and everything else
 * kept, so the consumer sees the producer's message id) or, for a roll, in its schedule topic with
 * {@code TIMER_ROLL_TIMES} incremented.
 */
final class DueMessageWriter {

    private static final Logger log = LoggerFactory.getLogger(DueMessageWriter.class);

    /** What became of a due message. */
    enum Outcome { STORED, GONE, FAILED }

    private final MessageStore store;

    DueMessageWriter(MessageStore store) {
        this.store = store;
    }

    CompletableFuture<Outcome> write(TimerRecord due) {
        StoredMessage waiting = store.lookMessage(due.commitLogOffset());
        if (waiting == null) {
            log.warn("Waiting message at commit log offset {} is gone (retention?); it cannot be delivered",
                    due.commitLogOffset());
            return CompletableFuture.completedFuture(Outcome.GONE);
        }
        MessageInput input = due.roll() ? rolled(waiting) : delivered(waiting);
        if (input == null) {
            return CompletableFuture.completedFuture(Outcome.GONE);
        }
        return store.putMessage(input).handle((result, error) -> {
            if (error == null && (result.isOk() || result.status() == PutMessageStatus.FLUSH_DISK_TIMEOUT)) {
                return Outcome.STORED;
            }
            log.warn("Could not store due message {} again: {}", due.commitLogOffset(),
                    error != null ? error.toString() : result.status() + " " + result.remark());
            return Outcome.FAILED;
        });
    }

    private static MessageInput delivered(StoredMessage waiting) {
        Map<String, String> props = waiting.propertyMap();
        String realTopic = props.get(ScheduleTopics.REAL_TOPIC);
        int realQueueId;
        try {
            realQueueId = Integer.parseInt(props.getOrDefault(ScheduleTopics.REAL_QID, "0"));
        } catch (NumberFormatException e) {
            realQueueId = 0;
        }
        if (realTopic == null || realTopic.isEmpty()) {
            log.warn("Waiting message at {} has no {}; dropped", waiting.physicalOffset(), ScheduleTopics.REAL_TOPIC);
            return null;
        }
        props.keySet().removeAll(ScheduleTopics.SCHEDULING_PROPERTIES);
        return copy(waiting, realTopic, realQueueId, MessageProperties.encode(props));
    }

    private static MessageInput rolled(StoredMessage waiting) {
        Map<String, String> props = waiting.propertyMap();
        int rolls;
        try {
            rolls = Integer.parseInt(props.getOrDefault(ScheduleTopics.TIMER_ROLL_TIMES, "0"));
        } catch (NumberFormatException e) {
            rolls = 0;
        }
        props.put(ScheduleTopics.TIMER_ROLL_TIMES, Integer.toString(rolls + 1));
        return copy(waiting, waiting.topic(), waiting.queueId(), MessageProperties.encode(props));
    }

    private static MessageInput copy(StoredMessage m, String topic, int queueId, String properties) {
        return new MessageInput(topic, queueId, m.flag(), m.body(), properties, m.sysFlag(), m.bornTimestamp(),
                m.bornHost(), m.storeHost(), m.reconsumeTimes(), m.preparedTransactionOffset());
    }
}
