package io.nimbusmq.broker.schedule;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.nimbusmq.message.MessageConst;
import io.nimbusmq.message.MessageInput;
import io.nimbusmq.message.MessageProperties;
import io.nimbusmq.message.StoredMessage;
import io.nimbusmq.message.SystemTopics;
import io.nimbusmq.store.MessageStore;
import io.nimbusmq.store.PutMessageStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acts on a waiting message whose time has come: reads its copy from the commit log and stores it again, either in
 * its real topic and queue (delivery) or, for a roll, in its schedule topic with {@code TIMER_ROLL_TIMES}
 * incremented.
 *
 * <p>A delivered message keeps KEYS, TAGS, UNIQ_KEY (so the consumer sees the producer's message id) and the
 * scheduling properties an Apache RocketMQ 5.3.1 consumer sees (observed with the official client):
 * <ul>
 * <li>a delay-level message: {@code DELAY}, {@code REAL_TOPIC} and {@code REAL_QID} (RocketMQ's schedule service
 * computes the stored properties before it clears DELAY); only this broker's own TIMER_OUT_MS and TIMER_ROLL_TIMES
 * are removed;</li>
 * <li>a timer message: everything, the producer's TIMER_DELIVER_MS / TIMER_DELAY_SEC / TIMER_DELAY_MS,
 * {@code TIMER_OUT_MS}, {@code REAL_TOPIC}, {@code REAL_QID} and TIMER_ROLL_TIMES if it rolled, plus
 * {@code TIMER_ENQUEUE_MS} (when its waiting copy was stored) and {@code TIMER_DEQUEUE_MS} (now).</li>
 * </ul>
 * {@link ScheduleRewriter} does not schedule a message that carries TIMER_OUT_MS again, so copies of a delivered
 * timer message (dead letters) do not wait a second time.
 */
final class DueMessageWriter {

    private static final Logger log = LoggerFactory.getLogger(DueMessageWriter.class);

    /** What became of a due message. */
    enum Outcome { STORED, GONE, FAILED }

    private final MessageStore store;
    private final Clock clock;

    DueMessageWriter(MessageStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
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

    private MessageInput delivered(StoredMessage waiting) {
        Map<String, String> props = waiting.propertyMap();
        String realTopic = props.get(MessageConst.REAL_TOPIC);
        int realQueueId;
        try {
            realQueueId = Integer.parseInt(props.getOrDefault(MessageConst.REAL_QID, "0"));
        } catch (NumberFormatException e) {
            realQueueId = 0;
        }
        if (realTopic == null || realTopic.isEmpty()) {
            log.warn("Waiting message at {} has no {}; dropped", waiting.physicalOffset(), MessageConst.REAL_TOPIC);
            return null;
        }
        if (SystemTopics.SCHEDULE_TOPIC.equals(waiting.topic())) {
            props.keySet().removeAll(ScheduleTopics.DELAY_LEVEL_BOOKKEEPING);
        } else {
            props.put(MessageConst.TIMER_ENQUEUE_MS, Long.toString(waiting.storeTimestamp()));
            props.put(MessageConst.TIMER_DEQUEUE_MS, Long.toString(clock.millis()));
        }
        return copy(waiting, realTopic, realQueueId, MessageProperties.encode(props));
    }

    private static MessageInput rolled(StoredMessage waiting) {
        Map<String, String> props = waiting.propertyMap();
        int rolls;
        try {
            rolls = Integer.parseInt(props.getOrDefault(MessageConst.TIMER_ROLL_TIMES, "0"));
        } catch (NumberFormatException e) {
            rolls = 0;
        }
        props.put(MessageConst.TIMER_ROLL_TIMES, Integer.toString(rolls + 1));
        return copy(waiting, waiting.topic(), waiting.queueId(), MessageProperties.encode(props));
    }

    private static MessageInput copy(StoredMessage m, String topic, int queueId, String properties) {
        return new MessageInput(topic, queueId, m.flag(), m.body(), properties, m.sysFlag(), m.bornTimestamp(),
                m.bornHost(), m.storeHost(), m.reconsumeTimes(), m.preparedTransactionOffset());
    }
}
