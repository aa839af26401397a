package io.nimbusmq.broker.retry;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

import io.nimbusmq.broker.topic.TopicConfigTable;
import io.nimbusmq.message.MessageConst;
import io.nimbusmq.message.MessageInput;
import io.nimbusmq.message.MessageProperties;
import io.nimbusmq.message.SystemTopics;
import io.nimbusmq.remoting.protocol.ResponseCode;
import io.nimbusmq.remoting.protocol.body.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a failed message goes, for both ways it comes back to the broker: CONSUMER_SEND_MSG_BACK (36) and a plain
 * send to {@code %RETRY%<group>}, which the official client makes when the send-back fails and which its orderly
 * consumer makes to dead-letter a message. Both {@code %RETRY%<group>} and {@code %DLQ%<group>} are created on
 * demand with one read-write queue.
 *
 * <p>A send to {@code %RETRY%<group>} (remoting-protocol.md §4.1 step 5, RocketMQ's {@code handleRetryAndDLQ}) is
 * stored in {@code %DLQ%<group>} instead when its reconsume times (header {@code reconsumeTimes}) exceed its
 * {@code maxReconsumeTimes} (the group's {@code retryMaxTimes}, 16 by default, when absent), or when the group consumes orderly (holds an unexpired queue lock).
 * The dead letter is not delayed ({@code DELAY=-1}, as RocketMQ stores it); a retry keeps the DELAY the client set,
 * which the send path then schedules like any delayed message.
 */
public final class RetryTopics {

    private static final Logger log = LoggerFactory.getLogger(RetryTopics.class);

    /** The DELAY RocketMQ stores on a dead letter made from a send: not delayed. */
    static final String DEAD_LETTER_DELAY = "-1";

    /** A topic to write to and the queue picked in it, or why it cannot be written. */
    public record Target(String topic, int queueId, String refusal) {

        public boolean refused() {
            return refusal != null;
        }
    }

    /** The message to store, or the error code and remark of a refused send. */
    public record Routing(MessageInput message, int errorCode, String remark) {

        public boolean refused() {
            return message == null;
        }
    }

    private final TopicConfigTable topics;
    private final Predicate<String> consumesOrderly;
    private final ToIntFunction<String> groupRetryMaxTimes;

    /**
     * @param consumesOrderly whether a group holds an unexpired queue lock (an orderly consumer) now
     * @param groupRetryMaxTimes a group's {@code retryMaxTimes}, for consumers that do not send their own
     */
    public RetryTopics(TopicConfigTable topics, Predicate<String> consumesOrderly,
            ToIntFunction<String> groupRetryMaxTimes) {
        this.topics = topics;
        this.consumesOrderly = consumesOrderly;
        this.groupRetryMaxTimes = groupRetryMaxTimes;
    }

    /** The consumer's {@code maxReconsumeTimes} if it sent one, else the group's {@code retryMaxTimes}. */
    public int maxReconsumeTimes(String group, Integer requested) {
        return requested != null ? requested : groupRetryMaxTimes.applyAsInt(group);
    }

    /** {@code topic} (a retry or dead-letter topic, created if absent) and a random queue of it, if writable. */
    public Target target(String topic) {
        TopicConfig config = topics.createSingleQueueTopicIfAbsent(topic);
        if (!config.isWritable()) {
            return new Target(topic, -1, String.format("the topic[%s] sending message is forbidden", topic));
        }
        return new Target(topic, ThreadLocalRandom.current().nextInt(Math.max(1, config.writeQueueNums())), null);
    }

    /**
     * A message sent to {@code %RETRY%<group>}: returned as it is, or as its dead letter in {@code %DLQ%<group>}.
     *
     * @param sent the message as the send path built it, with the header's reconsume times
     * @param maxReconsumeTimes the header's {@code maxReconsumeTimes}, or null for the group's
     */
    public Routing routeRetrySend(MessageInput sent, Integer maxReconsumeTimes) {
        String group = sent.topic().substring(SystemTopics.RETRY_GROUP_TOPIC_PREFIX.length());
        int max = maxReconsumeTimes(group, maxReconsumeTimes);
        boolean orderly = consumesOrderly.test(group);
        if (sent.reconsumeTimes() <= max && !orderly) {
            return new Routing(sent, ResponseCode.SUCCESS, null);
        }
        Target dlq = target(SystemTopics.dlqTopic(group));
        if (dlq.refused()) {
            return new Routing(null, ResponseCode.NO_PERMISSION, dlq.refusal());
        }
        log.info("Dead letter by send: group {} message {} (reconsumed {} times, max {}, orderly group: {})", group,
                MessageProperties.get(sent.properties(), MessageConst.UNIQ_KEY), sent.reconsumeTimes(), max,
                orderly);
        Map<String, String> props = MessageProperties.decode(sent.properties());
        props.put(MessageConst.DELAY, DEAD_LETTER_DELAY);
        return new Routing(new MessageInput(dlq.topic(), dlq.queueId(), sent.flag(), sent.body(),
                MessageProperties.encode(props), sent.sysFlag(), sent.bornTimestamp(), sent.bornHost(),
                sent.storeHost(), sent.reconsumeTimes(), sent.preparedTransactionOffset()), ResponseCode.SUCCESS,
                null);
    }
}
