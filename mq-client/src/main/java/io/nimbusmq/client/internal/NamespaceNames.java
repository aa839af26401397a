package io.nimbusmq.client.internal;

import java.util.List;

import io.nimbusmq.client.ReceivedMessage;
import io.nimbusmq.client.SendResult;
import io.nimbusmq.client.consumer.ConsumerConfig;
import io.nimbusmq.client.consumer.Subscription;
import io.nimbusmq.client.producer.ProducerConfig;
import io.nimbusmq.message.Namespaces;
import io.nimbusmq.remoting.protocol.body.client.MessageQueue;

/**
 * Where a client's namespace is applied: names the application gives are wrapped ({@link #wrap}) on their way to
 * the wire, names the wire gives are unwrapped ({@link #unwrap}) on their way to the application. Producers and
 * consumers work on wire names inside; the application only ever sees its own. With no namespace every method
 * returns its argument.
 *
 * @param namespace the namespace, or {@code null}
 */
public record NamespaceNames(String namespace) {

    public static final NamespaceNames NONE = new NamespaceNames(null);

    public boolean isEmpty() {
        return namespace == null;
    }

    public String wrap(String name) {
        return Namespaces.wrap(namespace, name);
    }

    public String unwrap(String name) {
        return Namespaces.unwrap(namespace, name);
    }

    public MessageQueue wrap(MessageQueue queue) {
        return isEmpty() ? queue : new MessageQueue(wrap(queue.topic()), queue.brokerName(), queue.queueId());
    }

    public MessageQueue unwrap(MessageQueue queue) {
        return isEmpty() ? queue : new MessageQueue(unwrap(queue.topic()), queue.brokerName(), queue.queueId());
    }

    public ReceivedMessage unwrap(ReceivedMessage m) {
        if (isEmpty()) {
            return m;
        }
        return new ReceivedMessage(unwrap(m.topic()), m.brokerName(), m.queueId(), m.queueOffset(),
                m.commitLogOffset(), m.msgId(), m.offsetMsgId(), m.flag(), m.sysFlag(), m.reconsumeTimes(),
                m.bornTimestamp(), m.bornHost(), m.storeTimestamp(), m.storeHost(), m.properties(), m.body());
    }

    public List<ReceivedMessage> unwrap(List<ReceivedMessage> messages) {
        return isEmpty() ? messages : messages.stream().map(this::unwrap).toList();
    }

    public SendResult unwrap(SendResult r) {
        return isEmpty() || r.messageQueue() == null ? r : new SendResult(r.status(), r.msgId(), r.offsetMsgId(),
                unwrap(r.messageQueue()), r.queueOffset(), r.transactionId());
    }

    /** {@code config} with its group wrapped, as producers register and transactions are checked back. */
    public ProducerConfig wire(ProducerConfig c) {
        return isEmpty() ? c : new ProducerConfig(wrap(c.group()), c.sendTimeout(), c.retryTimesWhenSendFailed(),
                c.retryTimesWhenSendAsyncFailed(), c.compressThreshold(), c.maxMessageSize(),
                c.latencyFaultAvoidance(), c.defaultTopicQueueNums());
    }

    /** {@code config} with its group and subscribed topics wrapped (the retry topic follows the group). */
    public ConsumerConfig wire(ConsumerConfig c) {
        if (isEmpty()) {
            return c;
        }
        List<Subscription> subscriptions = c.subscriptions().stream()
                .map(s -> new Subscription(wrap(s.topic()), s.type(), s.expression())).toList();
        return new ConsumerConfig(wrap(c.group()), subscriptions, c.messageModel(), c.consumeMode(),
                c.consumeFromWhere(), c.maxReconsumeTimes(), c.consumeThreads(), c.pullBatchSize(),
                c.consumeBatchSize(), c.pullThresholdForQueue(), c.pullThresholdSizeForQueueMiB(),
                c.rebalanceInterval(), c.persistOffsetInterval(), c.suspendCurrentQueueTime(),
                c.shutdownDrainTimeout(), c.offsetStoreDir(), c.offsetStoreName(), c.consumeTimestamp(),
                c.retryDelayLevels(), c.pullInterval(), c.consumeRateLimit(), c.virtualThreads(),
                c.consumeTimeout());
    }
}
