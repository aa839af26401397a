package io.nimbusmq.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.remoting.protocol.heartbeat.MessageModel;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The official 5.3.1 {@link DefaultMQPushConsumer}: clustering and broadcasting groups of two instances, tag
 * selectors, and resuming from the offsets a group committed at shutdown.
 */
@Tag("compat")
class PushConsumerCompatibilityTests {

    private static final int COUNT = 2_000;

    @RegisterExtension
    static final CompatBroker broker = new CompatBroker();

    @Test
    void clusteringInstancesShareTheQueuesAndTogetherReceiveEveryMessageOnce() throws Exception {
        String topic = broker.createTopic("clustering", 4);
        String group = CompatBroker.uniqueName("cg");
        Received first = new Received();
        Received second = new Received();
        DefaultMQPushConsumer one = startedConsumer(group, topic, "*", first);
        DefaultMQPushConsumer two = startedConsumer(group, topic, "*", second);
        // Rebalancing moves queues from the first instance to the second; sending only once it settled keeps the run
        // free of the duplicates a queue handed over mid-consumption may legitimately cause.
        await("both instances share the 4 queues").atMost(CompatBroker.PATIENCE).until(() -> {
            List<MessageQueue> a = CompatBroker.assignedQueues(one, topic);
            List<MessageQueue> b = CompatBroker.assignedQueues(two, topic);
            Set<MessageQueue> union = new HashSet<>(a);
            union.addAll(b);
            return a.size() == 2 && b.size() == 2 && union.equals(new HashSet<>(broker.queues(topic)));
        });

        List<String> sent = send(topic, "clustering", COUNT);

        await("all messages").atMost(CompatBroker.PATIENCE).until(() -> first.size() + second.size() >= COUNT);
        await("all messages acknowledged").atMost(CompatBroker.PATIENCE).until(() ->
                CompatBroker.consumedInMemory(one, topic) + CompatBroker.consumedInMemory(two, topic) == COUNT);
        assertThat(first.size()).as("first instance's share").isPositive();
        assertThat(second.size()).as("second instance's share").isPositive();
        List<String> together = new ArrayList<>(first.bodies());
        together.addAll(second.bodies());
        Received.assertSameElements("bodies of both instances", together, sent);
        assertThat(queuesOf(first)).as("the first instance reads only its own queues")
                .doesNotContainAnyElementsOf(queuesOf(second));
    }

    @Test
    void broadcastingInstancesEachReceiveEveryMessage() throws Exception {
        String topic = broker.createTopic("broadcasting", 4);
        String group = CompatBroker.uniqueName("cg");
        List<String> sent = send(topic, "broadcasting", COUNT);
        Received first = new Received();
        Received second = new Received();
        DefaultMQPushConsumer one = startedConsumer(group, MessageModel.BROADCASTING, topic, "*", first);
        DefaultMQPushConsumer two = startedConsumer(group, MessageModel.BROADCASTING, topic, "*", second);

        await("every message at both instances").atMost(CompatBroker.PATIENCE)
                .until(() -> first.size() >= COUNT && second.size() >= COUNT);
        await("all messages acknowledged by both").atMost(CompatBroker.PATIENCE).until(() ->
                CompatBroker.consumedInMemory(one, topic) == COUNT
                        && CompatBroker.consumedInMemory(two, topic) == COUNT);
        first.assertBodiesExactly(sent);
        second.assertBodiesExactly(sent);
    }

    @Test
    void tagSelectorReceivesExactlyTheSelectedTags() throws Exception {
        String topic = broker.createTopic("tags", 4);
        DefaultMQProducer producer = broker.startedProducer();
        String[] tags = {"TagA", "TagC", "TagB"};
        List<String> selected = new ArrayList<>();
        for (MessageQueue queue : broker.queues(topic)) {
            // every queue ends with a TagB message, so the consumer's offsets reach the end once it consumed it
            for (int i = 0; i < 75; i++) {
                String tag = tags[i % tags.length];
                String body = tag + "-" + queue.getQueueId() + "-" + i;
                Message message = new Message(topic, tag, body.getBytes(StandardCharsets.UTF_8));
                assertThat(producer.send(message, queue).getSendStatus()).isEqualTo(SendStatus.SEND_OK);
                if (!tag.equals("TagC")) {
                    selected.add(body);
                }
            }
        }
        Received received = new Received();

        DefaultMQPushConsumer consumer = startedConsumer(CompatBroker.uniqueName("cg"), topic, "TagA || TagB",
                received);

        await("selected messages").atMost(CompatBroker.PATIENCE).until(() -> received.size() >= selected.size());
        await("offsets past every message").atMost(CompatBroker.PATIENCE)
                .until(() -> CompatBroker.consumedInMemory(consumer, topic) == broker.storedMessages(topic));
        received.assertBodiesExactly(selected);
        assertThat(received.messages()).extracting(Received.Msg::tags).containsOnly("TagA", "TagB");
    }

    @Test
    void restartedConsumerResumesAtTheOffsetsCommittedAtShutdown() throws Exception {
        String topic = broker.createTopic("resume", 4);
        String group = CompatBroker.uniqueName("cg");
        List<String> batch1 = send(topic, "first", 400);
        Received before = new Received();
        DefaultMQPushConsumer consumer = startedConsumer(group, topic, "*", before);
        await("first batch").atMost(CompatBroker.PATIENCE)
                .until(() -> CompatBroker.consumedInMemory(consumer, topic) == batch1.size());
        before.assertBodiesExactly(batch1);

        consumer.shutdown();
        // the client commits at shutdown with oneway requests; wait until the broker holds them
        await("offsets committed at shutdown").atMost(CompatBroker.PATIENCE)
                .until(() -> broker.committedOnBroker(group, topic) == batch1.size());
        List<String> batch2 = send(topic, "second", 400);
        Received after = new Received();
        DefaultMQPushConsumer restarted = startedConsumer(group, topic, "*", after);

        await("second batch").atMost(CompatBroker.PATIENCE).until(() ->
                CompatBroker.consumedInMemory(restarted, topic) == batch1.size() + batch2.size());
        after.assertBodiesExactly(batch2);
    }

    private DefaultMQPushConsumer startedConsumer(String group, String topic, String expression, Received into)
            throws Exception {
        return startedConsumer(group, MessageModel.CLUSTERING, topic, expression, into);
    }

    private DefaultMQPushConsumer startedConsumer(String group, MessageModel model, String topic, String expression,
            Received into) throws Exception {
        DefaultMQPushConsumer consumer = broker.pushConsumer(group);
        consumer.setMessageModel(model);
        consumer.subscribe(topic, expression);
        consumer.registerMessageListener(into.listener());
        consumer.start();
        return consumer;
    }

    private List<String> send(String topic, String prefix, int count) throws Exception {
        DefaultMQProducer producer = broker.startedProducer();
        List<String> bodies = IntStream.range(0, count).mapToObj(i -> prefix + "-" + i).toList();
        for (String body : bodies) {
            Message message = new Message(topic, "Tag" + prefix, body.getBytes(StandardCharsets.UTF_8));
            assertThat(producer.send(message).getSendStatus()).isEqualTo(SendStatus.SEND_OK);
        }
        return bodies;
    }

    private static Set<Integer> queuesOf(Received received) {
        Set<Integer> queueIds = new HashSet<>();
        received.messages().forEach(m -> queueIds.add(m.queueId()));
        return queueIds;
    }
}
