package io.nimbusmq.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;

import org.apache.rocketmq.client.consumer.DefaultLitePullConsumer;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageQueue;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The official 5.3.1 {@link DefaultLitePullConsumer}: subscribe and poll, and assign with seek, seekToBegin,
 * offsetForTimestamp and committed offsets.
 */
@Tag("compat")
class LitePullConsumerCompatibilityTests {

    private static final int PER_QUEUE = 10;

    @RegisterExtension
    static final CompatBroker broker = new CompatBroker();

    @Test
    void subscribeAndPollReceivesEveryMessageOnce() throws Exception {
        String topic = broker.createTopic("lite-subscribe", 4);
        DefaultMQProducer producer = broker.startedProducer();
        List<String> sent = IntStream.range(0, 1_000).mapToObj(i -> "subscribed-" + i).toList();
        for (String body : sent) {
            assertThat(producer.send(message(topic, body)).getSendStatus()).isEqualTo(SendStatus.SEND_OK);
        }
        DefaultLitePullConsumer consumer = broker.litePullConsumer(CompatBroker.uniqueName("cg"));
        consumer.subscribe(topic, "*");
        consumer.start();

        Received received = pollUntil(consumer, sent.size());

        received.assertBodiesExactly(sent);
        assertThat(consumer.assignment()).containsExactlyInAnyOrderElementsOf(broker.queues(topic));
    }

    @Test
    void assignedQueuesAreReadFromTheOffsetsSeekAndSeekToBeginSet() throws Exception {
        String topic = broker.createTopic("lite-assign", 4);
        List<MessageQueue> queues = broker.queues(topic);
        sendToEachQueue(topic, queues);
        DefaultLitePullConsumer consumer = startedAssigned(CompatBroker.uniqueName("cg"), topic);
        assertThat(new HashSet<>(consumer.fetchMessageQueues(topic))).isEqualTo(new HashSet<>(queues));
        Received all = pollUntil(consumer, queues.size() * PER_QUEUE);
        all.assertBodiesExactly(allBodies(queues));

        consumer.seek(queues.get(0), 5);
        Received afterSeek = pollUntil(consumer, PER_QUEUE - 5);
        consumer.seekToBegin(queues.get(1));
        Received afterSeekToBegin = pollUntil(consumer, PER_QUEUE);

        afterSeek.assertBodiesExactly(IntStream.range(5, PER_QUEUE).mapToObj(i -> body(0, i)).toList());
        assertThat(afterSeek.messages()).extracting(Received.Msg::queueOffset)
                .containsExactly(5L, 6L, 7L, 8L, 9L);
        afterSeekToBegin.assertBodiesExactly(IntStream.range(0, PER_QUEUE).mapToObj(i -> body(1, i)).toList());
    }

    @Test
    void offsetForTimestampFindsTheFirstMessageStoredAtOrAfterTheTime() throws Exception {
        String topic = broker.createTopic("lite-time", 4);
        List<MessageQueue> queues = broker.queues(topic);
        sendToEachQueue(topic, queues);
        DefaultLitePullConsumer consumer = startedAssigned(CompatBroker.uniqueName("cg"), topic);
        List<Received.Msg> queue2 = pollUntil(consumer, queues.size() * PER_QUEUE).messages().stream()
                .filter(m -> m.queueId() == 2).toList();
        assertThat(queue2).hasSize(PER_QUEUE);

        for (Received.Msg target : queue2) {
            long expected = queue2.stream().filter(m -> m.storeTimestamp() >= target.storeTimestamp())
                    .mapToLong(Received.Msg::queueOffset).min().orElseThrow();
            assertThat(consumer.offsetForTimestamp(queues.get(2), target.storeTimestamp()))
                    .as("offset for the store time of offset %d", target.queueOffset())
                    .isEqualTo(expected);
        }
    }

    @Test
    void committedOffsetsAreReadBackByANewInstanceOfTheGroup() throws Exception {
        String topic = broker.createTopic("lite-commit", 4);
        List<MessageQueue> queues = broker.queues(topic);
        sendToEachQueue(topic, queues);
        String group = CompatBroker.uniqueName("cg");
        DefaultLitePullConsumer consumer = startedAssigned(group, topic);
        pollUntil(consumer, queues.size() * PER_QUEUE);
        consumer.seek(queues.get(3), 4);
        pollUntil(consumer, PER_QUEUE - 4);

        consumer.commit(new HashSet<>(queues), true);

        for (MessageQueue queue : queues) {
            assertThat(consumer.committed(queue)).as("committed offset of %s in memory", queue).isEqualTo(PER_QUEUE);
        }
        await("offsets on the broker").atMost(CompatBroker.PATIENCE)
                .until(() -> broker.committedOnBroker(group, topic) == (long) queues.size() * PER_QUEUE);
        DefaultLitePullConsumer another = startedAssigned(group, topic);
        for (MessageQueue queue : queues) {
            assertThat(another.committed(queue)).as("committed offset of %s from the broker", queue)
                    .isEqualTo(PER_QUEUE);
        }
    }

    /** Sends {@link #PER_QUEUE} messages to each queue, in queue order. */
    private void sendToEachQueue(String topic, List<MessageQueue> queues) throws Exception {
        DefaultMQProducer producer = broker.startedProducer();
        for (MessageQueue queue : queues) {
            for (int i = 0; i < PER_QUEUE; i++) {
                assertThat(producer.send(message(topic, body(queue.getQueueId(), i)), queue).getSendStatus())
                        .isEqualTo(SendStatus.SEND_OK);
            }
        }
    }

    private DefaultLitePullConsumer startedAssigned(String group, String topic) throws Exception {
        DefaultLitePullConsumer consumer = broker.litePullConsumer(group);
        consumer.setAutoCommit(false);
        consumer.start();
        consumer.assign(broker.queues(topic));
        return consumer;
    }

    /**
     * Polls until {@code count} messages arrived. {@code poll()} itself waits up to its timeout for messages, so the
     * condition is checked again at once rather than every 100 ms.
     */
    private static Received pollUntil(DefaultLitePullConsumer consumer, int count) {
        Received received = new Received();
        await("polled messages").atMost(CompatBroker.PATIENCE).pollInterval(Duration.ofMillis(1)).until(() -> {
            received.addAll(consumer.poll());
            return received.size() >= count;
        });
        return received;
    }

    private static List<String> allBodies(List<MessageQueue> queues) {
        List<String> bodies = new ArrayList<>();
        queues.forEach(q -> IntStream.range(0, PER_QUEUE).forEach(i -> bodies.add(body(q.getQueueId(), i))));
        return bodies;
    }

    private static String body(int queueId, int i) {
        return "q" + queueId + "-" + i;
    }

    private static Message message(String topic, String body) {
        return new Message(topic, "TagLite", body.getBytes(StandardCharsets.UTF_8));
    }
}
