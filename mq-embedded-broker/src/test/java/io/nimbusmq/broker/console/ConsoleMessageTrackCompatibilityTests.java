package io.nimbusmq.broker.console;

import static io.nimbusmq.testkit.OfficialClients.patient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import io.nimbusmq.testkit.ApacheRocketMq;
import org.apache.rocketmq.client.consumer.DefaultLitePullConsumer;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.MessageSelector;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.remoting.protocol.heartbeat.MessageModel;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.apache.rocketmq.tools.admin.api.MessageTrack;
import org.apache.rocketmq.tools.admin.api.TrackType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A message's track per consumer group, for the track types that need a particular consumer: filtered by its tag
 * (and by an SQL92 selector), a lite pull consumer, a broadcasting consumer. Each case runs twice, against Apache
 * RocketMQ 5.3.1 in this JVM and against our broker, with the official 5.3.1 clients; the official admin client's
 * {@code messageTrackDetail} (what {@code mqadmin queryMsgById} and rocketmq-dashboard show) must give the same type
 * on both, and the console's message detail ({@code GET /api/messages/{id}}) must show that type too.
 *
 * <p>Apache's admin client computes the type itself, from QUERY_TOPIC_CONSUME_BY_WHO, GET_CONSUMER_CONNECTION_LIST
 * and GET_CONSUME_STATS: a broadcasting group is CONSUME_BROADCASTING because the broker reports no offsets for it;
 * an SQL92 subscription has no tags, so a message its selector skipped is CONSUMED, not CONSUMED_BUT_FILTERED.
 */
@Tag("compat")
class ConsoleMessageTrackCompatibilityTests {

    @RegisterExtension
    static final ApacheRocketMq apache = new ApacheRocketMq();

    @RegisterExtension
    static final ConsoleBroker nimbus = new ConsoleBroker();

    private final Deque<Runnable> shutdowns = new ArrayDeque<>();

    /** One of the two brokers: its name server, a topic with one queue, and the official clients on it. */
    private final class Side {

        private final String namesrv;
        private final Function<String, String> topics;
        private DefaultMQAdminExt admin;
        private DefaultMQProducer producer;

        Side(String namesrv, Function<String, String> topics) {
            this.namesrv = namesrv;
            this.topics = topics;
        }

        String topic(String prefix) {
            return topics.apply(prefix);
        }

        DefaultMQAdminExt admin() throws MQClientException {
            if (admin == null) {
                admin = new DefaultMQAdminExt();
                admin.setNamesrvAddr(namesrv);
                admin.setInstanceName(ConsoleBroker.uniqueName("track-admin"));
                admin.setAdminExtGroup(ConsoleBroker.uniqueName("track_admin_group"));
                admin.start();
                DefaultMQAdminExt started = admin;
                shutdowns.push(started::shutdown);
            }
            return admin;
        }

        SendResult send(String topic, String tag, Map<String, String> properties) throws Exception {
            if (producer == null) {
                producer = new DefaultMQProducer(ConsoleBroker.uniqueName("track-pg"));
                producer.setNamesrvAddr(namesrv);
                producer.setInstanceName(ConsoleBroker.uniqueName("track-producer"));
                patient(producer);
                producer.start();
                DefaultMQProducer started = producer;
                shutdowns.push(started::shutdown);
            }
            Message message = new Message(topic, tag, "body".getBytes(StandardCharsets.UTF_8));
            properties.forEach(message::putUserProperty);
            return producer.send(message);
        }

        /** A started push consumer of {@code group}, from the first offset, that counts what it receives. */
        DefaultMQPushConsumer pushConsumer(String group, MessageModel model, Set<String> received,
                ConsumerSetup subscribe) throws Exception {
            DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(group);
            consumer.setNamesrvAddr(namesrv);
            consumer.setInstanceName(ConsoleBroker.uniqueName("track-push"));
            patient(consumer);
            consumer.setMessageModel(model);
            consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
            consumer.setPersistConsumerOffsetInterval(200);
            consumer.setPullInterval(0);
            subscribe.apply(consumer);
            consumer.registerMessageListener((MessageListenerConcurrently) (msgs, context) -> {
                msgs.forEach(m -> received.add(m.getMsgId()));
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
            consumer.start();
            shutdowns.push(consumer::shutdown);
            return consumer;
        }

        /** The committed offsets of {@code group}, summed, as GET_CONSUME_STATS reports them. */
        long committed(String group) throws Exception {
            return admin().examineConsumeStats(group).getOffsetTable().values().stream()
                    .mapToLong(o -> o.getConsumerOffset()).sum();
        }

        /** The track type of {@code group} for the message, as the official admin client computes it. */
        TrackType track(String topic, SendResult sent, String group) throws Exception {
            MessageExt message = admin().viewMessage(topic, sent.getOffsetMsgId());
            List<MessageTrack> tracks = await("the track of " + group).atMost(ConsoleBroker.PATIENCE)
                    .until(() -> admin().messageTrackDetail(message),
                            all -> all.stream().anyMatch(t -> t.getConsumerGroup().equals(group)));
            return tracks.stream().filter(t -> t.getConsumerGroup().equals(group)).findFirst().orElseThrow()
                    .getTrackType();
        }
    }

    @FunctionalInterface
    private interface ConsumerSetup {
        void apply(DefaultMQPushConsumer consumer) throws MQClientException;
    }

    private final Side onApache = new Side(apache.nameServerAddress(), prefix -> apache.createTopic(prefix, 1));
    private final Side onNimbus = new Side(nimbus.broker().address(), prefix -> nimbus.createTopic(prefix, 1));

    @AfterEach
    void shutDownClients() {
        while (!shutdowns.isEmpty()) {
            shutdowns.pop().run();
        }
    }

    @Test
    void aMessageOutsideTheGroupsTagsIsConsumedButFiltered() throws Exception {
        for (Side side : List.of(onApache, onNimbus)) {
            String topic = side.topic("track-tag");
            String group = ConsoleBroker.uniqueName("track-tag-group");
            Set<String> received = ConcurrentHashMap.newKeySet();
            side.pushConsumer(group, MessageModel.CLUSTERING, received, c -> c.subscribe(topic, "TagA || TagC"));
            SendResult filtered = side.send(topic, "TagB", Map.of());
            SendResult wanted = side.send(topic, "TagA", Map.of());
            await("TagA received").atMost(ConsoleBroker.PATIENCE).until(() -> received.contains(wanted.getMsgId()));
            await("both offsets committed").atMost(ConsoleBroker.PATIENCE).until(() -> side.committed(group) == 2);

            assertThat(side.track(topic, filtered, group)).isEqualTo(TrackType.CONSUMED_BUT_FILTERED);
            assertThat(side.track(topic, wanted, group)).isEqualTo(TrackType.CONSUMED);
            assertThat(received).doesNotContain(filtered.getMsgId());
            if (side == onNimbus) {
                assertThat(consoleState(filtered, group)).isEqualTo("CONSUMED_BUT_FILTERED");
                assertThat(consoleState(wanted, group)).isEqualTo("CONSUMED");
            }
        }
    }

    @Test
    void aMessageItsSqlSelectorSkippedIsConsumedAsApacheSays() throws Exception {
        for (Side side : List.of(onApache, onNimbus)) {
            String topic = side.topic("track-sql");
            String group = ConsoleBroker.uniqueName("track-sql-group");
            Set<String> received = ConcurrentHashMap.newKeySet();
            side.pushConsumer(group, MessageModel.CLUSTERING, received,
                    c -> c.subscribe(topic, MessageSelector.bySql("amount > 5")));
            SendResult skipped = side.send(topic, "TagA", Map.of("amount", "1"));
            SendResult selected = side.send(topic, "TagA", Map.of("amount", "9"));
            await("the selected message received").atMost(ConsoleBroker.PATIENCE)
                    .until(() -> received.contains(selected.getMsgId()));
            await("both offsets committed").atMost(ConsoleBroker.PATIENCE).until(() -> side.committed(group) == 2);

            // an SQL92 subscription carries no tags: the admin client cannot tell a skipped message from a consumed one
            assertThat(side.track(topic, skipped, group)).isEqualTo(TrackType.CONSUMED);
            assertThat(side.track(topic, selected, group)).isEqualTo(TrackType.CONSUMED);
            assertThat(received).doesNotContain(skipped.getMsgId());
            if (side == onNimbus) {
                assertThat(consoleState(skipped, group)).isEqualTo("CONSUMED");
            }
        }
    }

    @Test
    void aGroupThatPullsIsPull() throws Exception {
        for (Side side : List.of(onApache, onNimbus)) {
            String topic = side.topic("track-pull");
            String group = ConsoleBroker.uniqueName("track-pull-group");
            DefaultLitePullConsumer consumer = new DefaultLitePullConsumer(group);
            consumer.setNamesrvAddr(side.namesrv);
            consumer.setInstanceName(ConsoleBroker.uniqueName("track-lite"));
            patient(consumer);
            consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
            consumer.subscribe(topic, "*");
            consumer.start();
            shutdowns.push(consumer::shutdown);
            SendResult sent = side.send(topic, "TagA", Map.of());
            Set<String> polled = ConcurrentHashMap.newKeySet();
            await("polled").atMost(ConsoleBroker.PATIENCE).until(() -> {
                consumer.poll(200).forEach(m -> polled.add(m.getMsgId()));
                return polled.contains(sent.getMsgId());
            });

            assertThat(side.track(topic, sent, group)).isEqualTo(TrackType.PULL);
            if (side == onNimbus) {
                assertThat(consoleState(sent, group)).isEqualTo("PULL");
            }
        }
    }

    @Test
    void aBroadcastingGroupIsConsumeBroadcasting() throws Exception {
        for (Side side : List.of(onApache, onNimbus)) {
            String topic = side.topic("track-broadcast");
            String group = ConsoleBroker.uniqueName("track-broadcast-group");
            Set<String> received = ConcurrentHashMap.newKeySet();
            side.pushConsumer(group, MessageModel.BROADCASTING, received, c -> c.subscribe(topic, "*"));
            SendResult sent = side.send(topic, "TagA", Map.of());
            await("received").atMost(ConsoleBroker.PATIENCE).until(() -> received.contains(sent.getMsgId()));

            assertThat(side.track(topic, sent, group)).isEqualTo(TrackType.CONSUME_BROADCASTING);
            if (side == onNimbus) {
                assertThat(consoleState(sent, group)).isEqualTo("CONSUME_BROADCASTING");
            }
        }
    }

    /** The group's state in the console's message detail. */
    private static String consoleState(SendResult sent, String group) {
        JsonNode detail = nimbus.http().get("/api/messages/" + sent.getOffsetMsgId()).json();
        Map<String, String> states = new HashMap<>();
        detail.path("consumption").forEach(c -> states.put(c.path("group").asText(), c.path("state").asText()));
        return states.get(group);
    }
}
