package io.nimbusmq.client.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.nimbusmq.client.ClientConfig;
import io.nimbusmq.client.Message;
import io.nimbusmq.client.MqClient;
import io.nimbusmq.client.Received;
import io.nimbusmq.client.ReceivedMessage;
import io.nimbusmq.client.SendResult;
import io.nimbusmq.client.consumer.ConsumerConfig;
import io.nimbusmq.client.consumer.PullConsumer;
import io.nimbusmq.client.consumer.PullConsumerConfig;
import io.nimbusmq.client.consumer.PushConsumer;
import io.nimbusmq.client.consumer.QueueAssignmentListener;
import io.nimbusmq.client.consumer.QueueSeeker;
import io.nimbusmq.client.consumer.Subscription;
import io.nimbusmq.client.producer.Producer;
import io.nimbusmq.client.producer.ProducerConfig;
import io.nimbusmq.remoting.protocol.body.client.ConsumeFromWhere;
import io.nimbusmq.remoting.protocol.body.client.MessageQueue;
import org.junit.jupiter.api.Test;

/**
 * The lite-pull consumer (subscribe and assign, auto and explicit commit), where a push consumer starts (a start
 * timestamp) and seeks (beginning, end, offset, time, from the assignment callback) on whichever broker the subclass
 * starts. Clients use a namespace, so queue topics in callbacks and seeks are the application's names.
 */
abstract class PullAndSeekInteropScenarios {

    static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(500);

    abstract String nameServer();

    abstract String uniqueName(String prefix);

    abstract <T extends AutoCloseable> T closeAfterTest(T closeable);

    private MqClient client;
    private Producer producer;

    private MqClient client() {
        if (client == null) {
            client = closeAfterTest(MqClient.create(ClientConfig.builder().nameServer(nameServer())
                    .instanceName(uniqueName("seek-client")).requestTimeout(Duration.ofSeconds(10))
                    .namespace(uniqueName("ns")).build()));
            producer = client.producer(ProducerConfig.builder(uniqueName("pg")).sendTimeout(PATIENCE).build());
            producer.start();
        }
        return client;
    }

    private String topic(int queues) {
        String topic = uniqueName("seek");
        assertThat(client().createTopic(topic, queues, Map.of())).isEmpty();
        await().atMost(PATIENCE).until(() -> client().describeTopic(topic).isPresent());
        return topic;
    }

    private List<SendResult> send(String topic, String... bodies) {
        List<SendResult> results = new ArrayList<>();
        for (String body : bodies) {
            results.add(producer.send(new Message(topic, body.getBytes(StandardCharsets.UTF_8))));
        }
        return results;
    }

    private static String text(ReceivedMessage m) {
        return new String(m.body(), StandardCharsets.UTF_8);
    }

    private ConsumerConfig.Builder consumer(String group, String topic) {
        return ConsumerConfig.builder(group).subscribe(Subscription.all(topic))
                .consumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET)
                .persistOffsetInterval(Duration.ofMillis(200));
    }

    private PullConsumer pullConsumer(PullConsumerConfig config) {
        PullConsumer consumer = client().pullConsumer(config);
        consumer.start();
        return consumer;
    }

    /** Polls until {@code count} bodies arrived. */
    private static List<String> pollUntil(PullConsumer consumer, int count) {
        List<String> bodies = new ArrayList<>();
        await().atMost(PATIENCE).until(() -> {
            consumer.poll(POLL).forEach(m -> bodies.add(text(m)));
            return bodies.size() >= count;
        });
        return bodies;
    }

    @Test
    void pollsAutoCommitsAndTheNextConsumerOfTheGroupGoesOnFromThere() {
        String topic = topic(1);
        String group = uniqueName("pull");
        send(topic, "a", "b", "c");
        PullConsumer first = pullConsumer(PullConsumerConfig.subscribe(consumer(group, topic).build()));
        assertThat(pollUntil(first, 3)).containsExactly("a", "b", "c");
        assertThat(first.assignment()).containsExactly(new MessageQueue(topic, first.assignment().get(0)
                .brokerName(), 0));
        first.close();

        send(topic, "d");
        PullConsumer second = closeAfterTest(pullConsumer(PullConsumerConfig.subscribe(
                consumer(group, topic).build())));
        assertThat(pollUntil(second, 1)).containsExactly("d");
    }

    @Test
    void withoutAutoCommitWhatWasNotCommittedIsDeliveredAgain() {
        String topic = topic(1);
        String group = uniqueName("manual");
        send(topic, "a", "b");
        PullConsumerConfig config = PullConsumerConfig.subscribe(consumer(group, topic).build()).withAutoCommit(false);
        PullConsumer first = pullConsumer(config);
        assertThat(pollUntil(first, 2)).containsExactly("a", "b");
        first.close();

        PullConsumer second = pullConsumer(config);
        assertThat(pollUntil(second, 2)).as("not committed: again").containsExactly("a", "b");
        second.commit();
        second.close();
        send(topic, "c");
        PullConsumer third = closeAfterTest(pullConsumer(config));
        assertThat(pollUntil(third, 1)).containsExactly("c");
    }

    @Test
    void anAssignedConsumerReadsOnlyItsQueues() {
        String topic = topic(2);
        List<SendResult> sent = send(topic, "0", "1", "2", "3", "4", "5");
        MessageQueue second = sent.stream().map(SendResult::messageQueue).filter(q -> q.queueId() == 1)
                .findFirst().orElseThrow();
        List<String> expected = sent.stream().filter(r -> r.messageQueue().queueId() == 1)
                .map(r -> String.valueOf(sent.indexOf(r))).toList();
        PullConsumer consumer = closeAfterTest(pullConsumer(PullConsumerConfig.assign(
                consumer(uniqueName("assigned"), topic).build(), List.of(second))));

        assertThat(pollUntil(consumer, expected.size())).containsExactlyElementsOf(expected);
        assertThat(consumer.assignment()).containsExactly(second);
    }

    @Test
    void aStartTimestampSkipsWhatCameBefore() {
        String topic = topic(1);
        send(topic, "old");
        Instant start = Instant.now().plusMillis(1);
        await().atMost(PATIENCE).until(() -> Instant.now().isAfter(start));
        send(topic, "new");
        Received received = new Received();
        closeAfterTest(client().pushConsumer(consumer(uniqueName("ts"), topic)
                .consumeFromWhere(ConsumeFromWhere.CONSUME_FROM_TIMESTAMP).consumeTimestamp(start).build(),
                received)).start();

        await().atMost(PATIENCE).until(() -> received.size() >= 1);
        assertThat(received.bodies()).containsExactly("new");
    }

    @Test
    void aRunningConsumerSeeksToTheBeginningAnOffsetATimeAndTheEnd() {
        String topic = topic(1);
        send(topic, "0", "1", "2");
        Instant between = Instant.now().plusMillis(1);
        await().atMost(PATIENCE).until(() -> Instant.now().isAfter(between));
        send(topic, "3", "4");
        Received received = new Received();
        PushConsumer consumer = closeAfterTest(client().pushConsumer(consumer(uniqueName("seek"), topic)
                .consumeThreads(1).build(), received));
        consumer.start();
        await().atMost(PATIENCE).until(() -> received.size() == 5);
        List<MessageQueue> queues = consumer.assignment();
        assertThat(queues).extracting(MessageQueue::topic).containsExactly(topic);

        consumer.seekToBeginning(queues);
        await().atMost(PATIENCE).until(() -> received.size() == 10);
        consumer.seek(queues.get(0), 4);
        await().atMost(PATIENCE).until(() -> received.size() == 11);
        consumer.seekToTimestamp(queues, between);
        await().atMost(PATIENCE).until(() -> received.size() == 13);
        assertThat(received.bodies()).containsExactly("0", "1", "2", "3", "4", "0", "1", "2", "3", "4", "4", "3",
                "4");
        assertThatThrownBy(() -> consumer.seek(queues.get(0), 6)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("past its end (max offset 5)");
        assertThatThrownBy(() -> consumer.seek(new MessageQueue(topic, "nowhere", 0), 0))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not hold");

        consumer.seekToEnd(queues);
        send(topic, "5");
        await().atMost(PATIENCE).until(() -> received.size() == 14);
        assertThat(received.bodies().get(13)).isEqualTo("5");
    }

    @Test
    void theAssignmentCallbackSeesTheApplicationsNamesAndDecidesWhereQueuesStart() {
        String topic = topic(1);
        send(topic, "0", "1", "2", "3");
        // the broker dispatches to its consume queue behind the send: its max offset is 4 once another group read all
        Received first = new Received();
        closeAfterTest(client().pushConsumer(consumer(uniqueName("first"), topic).build(), first)).start();
        await().atMost(PATIENCE).until(() -> first.size() == 4);
        List<MessageQueue> assigned = new CopyOnWriteArrayList<>();
        Received received = new Received();
        PushConsumer consumer = closeAfterTest(client().pushConsumer(consumer(uniqueName("aware"), topic)
                .consumeFromWhere(ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET).consumeThreads(1).build(), received));
        consumer.setAssignmentListener(new QueueAssignmentListener() {
            @Override
            public void onQueuesAssigned(Collection<MessageQueue> queues, QueueSeeker seeker) {
                assigned.addAll(queues);
                queues.forEach(queue -> seeker.seek(queue, 2));
            }
        });
        consumer.start();

        await().atMost(PATIENCE).until(() -> received.size() == 2);
        assertThat(received.bodies()).containsExactly("2", "3");
        assertThat(assigned).extracting(MessageQueue::topic).containsExactly(topic);
    }
}
