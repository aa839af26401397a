package io.nimbusmq.client.internal.route;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import io.nimbusmq.remoting.protocol.body.client.MessageQueue;

/**
 * The writable master queues of a topic and the round-robin cursor over them. {@code fromDefaultTopic} marks a route
 * borrowed from TBW102 for a topic the broker will create on the first send.
 */
public final class TopicPublishInfo {

    private final List<MessageQueue> queues;
    private final boolean fromDefaultTopic;
    private final AtomicInteger sendWhichQueue = new AtomicInteger(ThreadLocalRandom.current().nextInt(1 << 16));

    public TopicPublishInfo(List<MessageQueue> queues, boolean fromDefaultTopic) {
        this.queues = List.copyOf(queues);
        this.fromDefaultTopic = fromDefaultTopic;
    }

    public List<MessageQueue> queues() {
        return queues;
    }

    public boolean fromDefaultTopic() {
        return fromDefaultTopic;
    }

    public boolean isEmpty() {
        return queues.isEmpty();
    }

    /**
     * The next queue round-robin that {@code acceptable} accepts (e.g. not on the last failed broker, not on a broker
     * in fault isolation); if none does, the next queue whatever its broker.
     */
    public MessageQueue select(Predicate<MessageQueue> acceptable) {
        for (int i = 0; i < queues.size(); i++) {
            MessageQueue queue = next();
            if (acceptable.test(queue)) {
                return queue;
            }
        }
        return next();
    }

    private MessageQueue next() {
        return queues.get(Math.floorMod(sendWhichQueue.getAndIncrement(), queues.size()));
    }
}
