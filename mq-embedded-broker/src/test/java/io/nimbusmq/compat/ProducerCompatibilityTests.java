package io.nimbusmq.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendCallback;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageClientIDSetter;
import org.apache.rocketmq.common.message.MessageDecoder;
import org.apache.rocketmq.common.message.MessageId;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The official 5.3.1 {@link DefaultMQProducer}: sync, async, oneway and batch sends, each checked by consuming every
 * message back with the official push consumer and by the fields of the send results.
 */
@Tag("compat")
class ProducerCompatibilityTests {

    private static final int COUNT = 10_000;
    private static final int BATCH_SIZE = 100;
    private static final int ASYNC_WINDOW = 1_000;

    @RegisterExtension
    static final CompatBroker broker = new CompatBroker();

    @Test
    void syncSendsToAnAutoCreatedTopicAreStoredOnceInSendOrder() throws Exception {
        String topic = CompatBroker.uniqueName("sync");
        DefaultMQProducer producer = broker.startedProducer();
        Map<Integer, List<Long>> queueOffsets = new TreeMap<>();
        long previousPhysicalOffset = -1;
        for (int i = 0; i < COUNT; i++) {
            Message message = message(topic, "sync", i);
            SendResult result = producer.send(message);

            assertThat(result.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
            assertThat(result.getMsgId()).isEqualTo(MessageClientIDSetter.getUniqID(message));
            assertThat(result.getMessageQueue().getTopic()).isEqualTo(topic);
            assertThat(result.getMessageQueue().getBrokerName()).isEqualTo("broker-a");
            long physicalOffset = physicalOffsetOnThisBroker(result.getOffsetMsgId());
            assertThat(physicalOffset).isGreaterThan(previousPhysicalOffset);
            previousPhysicalOffset = physicalOffset;
            queueOffsets.computeIfAbsent(result.getMessageQueue().getQueueId(), q -> new ArrayList<>())
                    .add(result.getQueueOffset());
        }

        assertThat(queueOffsets).as("auto-created with min(4, TBW102's 8) queues").hasSize(4);
        queueOffsets.forEach((queueId, offsets) -> assertThat(offsets).as("queue offsets of queue %d", queueId)
                .isEqualTo(LongStream.range(0, offsets.size()).boxed().toList()));
        Received received = broker.consumeAll(topic, COUNT);
        received.assertBodiesExactly(bodies("sync", COUNT));
        received.assertKeysExactly(keys("sync", COUNT));
    }

    @Test
    void asyncSendsAllCompleteWithDistinctOffsetsAndAreStoredOnce() throws Exception {
        String topic = broker.createTopic("async", 4);
        DefaultMQProducer producer = broker.startedProducer();
        ConcurrentLinkedQueue<SendResult> results = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        // At most ASYNC_WINDOW sends in flight, as an application would: the client's 3 s timeout includes the time a
        // send waits in its async executor, so queueing all 10,000 at once would test the machine's speed instead.
        Semaphore inFlight = new Semaphore(ASYNC_WINDOW);
        List<Message> sent = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            Message message = message(topic, "async", i);
            inFlight.acquire();
            producer.send(message, new SendCallback() {
                @Override
                public void onSuccess(SendResult result) {
                    results.add(result);
                    inFlight.release();
                }

                @Override
                public void onException(Throwable e) {
                    failures.add(e);
                    inFlight.release();
                }
            });
            sent.add(message);
        }

        await("async send callbacks").atMost(CompatBroker.PATIENCE)
                .until(() -> results.size() + failures.size() >= COUNT);
        assertThat(failures).isEmpty();
        assertThat(results).allSatisfy(r -> {
            assertThat(r.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
            assertThat(r.getOffsetMsgId()).hasSize(32);
        });
        // the producer assigns UNIQ_KEYs on its async thread, so they are read once every send completed
        Received.assertSameElements("msgIds", results.stream().map(SendResult::getMsgId).toList(),
                sent.stream().map(MessageClientIDSetter::getUniqID).toList());
        Map<Integer, List<Long>> queueOffsets = new TreeMap<>();
        results.forEach(r -> queueOffsets.computeIfAbsent(r.getMessageQueue().getQueueId(), q -> new ArrayList<>())
                .add(r.getQueueOffset()));
        assertThat(queueOffsets).hasSize(4);
        queueOffsets.forEach((queueId, offsets) -> assertThat(offsets.stream().sorted().toList())
                .as("queue offsets of queue %d", queueId)
                .isEqualTo(LongStream.range(0, offsets.size()).boxed().toList()));
        Received received = broker.consumeAll(topic, COUNT);
        received.assertBodiesExactly(bodies("async", COUNT));
        received.assertKeysExactly(keys("async", COUNT));
    }

    @Test
    void onewaySendsAreAllStored() throws Exception {
        String topic = broker.createTopic("oneway", 4);
        DefaultMQProducer producer = broker.startedProducer();
        for (int i = 0; i < COUNT; i++) {
            producer.sendOneway(message(topic, "oneway", i));
        }

        Received received = broker.consumeAll(topic, COUNT);
        received.assertBodiesExactly(bodies("oneway", COUNT));
        received.assertKeysExactly(keys("oneway", COUNT));
    }

    @Test
    void batchSendsStoreEveryMemberAndReportEachOfTheirIds() throws Exception {
        String topic = broker.createTopic("batch", 4);
        DefaultMQProducer producer = broker.startedProducer();
        Map<Integer, Long> nextQueueOffset = new TreeMap<>();
        long previousPhysicalOffset = -1;
        for (int b = 0; b < COUNT / BATCH_SIZE; b++) {
            List<Message> batch = IntStream.range(b * BATCH_SIZE, (b + 1) * BATCH_SIZE)
                    .mapToObj(i -> message(topic, "batch", i)).toList();
            SendResult result = producer.send(batch);

            assertThat(result.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
            assertThat(result.getMsgId().split(",")).as("the members' own UNIQ_KEYs, in order")
                    .containsExactlyElementsOf(batch.stream().map(MessageClientIDSetter::getUniqID).toList());
            String[] offsetMsgIds = result.getOffsetMsgId().split(",");
            assertThat(offsetMsgIds).hasSize(BATCH_SIZE);
            for (String offsetMsgId : offsetMsgIds) {
                long physicalOffset = physicalOffsetOnThisBroker(offsetMsgId);
                assertThat(physicalOffset).isGreaterThan(previousPhysicalOffset);
                previousPhysicalOffset = physicalOffset;
            }
            int queueId = result.getMessageQueue().getQueueId();
            assertThat(result.getQueueOffset()).as("the first member's offset in queue %d", queueId)
                    .isEqualTo(nextQueueOffset.getOrDefault(queueId, 0L));
            nextQueueOffset.put(queueId, result.getQueueOffset() + BATCH_SIZE);
        }

        Received received = broker.consumeAll(topic, COUNT);
        received.assertBodiesExactly(bodies("batch", COUNT));
        received.assertKeysExactly(keys("batch", COUNT));
    }

    @Test
    void compressedBodiesAndUserPropertiesArriveIntact() throws Exception {
        String topic = broker.createTopic("large", 4);
        DefaultMQProducer producer = broker.startedProducer();
        Map<String, String> sentColors = new TreeMap<>();
        for (int i = 0; i < 20; i++) {
            // 64 KiB: above the client's 4 KiB threshold, so sent zlib-compressed
            String body = ("large-" + i + "-").repeat(64 * 1024 / 8).substring(0, 64 * 1024);
            Message message = new Message(topic, "TagL", "key-large-" + i, body.getBytes(StandardCharsets.UTF_8));
            message.putUserProperty("color", i % 2 == 0 ? "red" : "blue");
            assertThat(producer.send(message).getSendStatus()).isEqualTo(SendStatus.SEND_OK);
            sentColors.put(body, message.getUserProperty("color"));
        }

        Map<String, String> receivedColors = new ConcurrentHashMap<>();
        DefaultMQPushConsumer consumer = broker.pushConsumer(CompatBroker.uniqueName("cg"));
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, context) -> {
            msgs.forEach(m -> receivedColors.put(new String(m.getBody(), StandardCharsets.UTF_8),
                    String.valueOf(m.getUserProperty("color"))));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();

        await("large messages").atMost(CompatBroker.PATIENCE).until(() -> receivedColors.size() >= sentColors.size());
        assertThat(receivedColors).isEqualTo(sentColors);
    }

    private static long physicalOffsetOnThisBroker(String offsetMsgId) throws UnknownHostException {
        assertThat(offsetMsgId).as("IPv4 offsetMsgId").hasSize(32);
        MessageId id = MessageDecoder.decodeMessageId(offsetMsgId);
        InetSocketAddress address = (InetSocketAddress) id.getAddress();
        assertThat(address.getAddress().getHostAddress() + ":" + address.getPort()).isEqualTo(broker.address());
        return id.getOffset();
    }

    private static Message message(String topic, String kind, int i) {
        return new Message(topic, "Tag" + kind, "key-" + kind + "-" + i,
                (kind + "-" + i).getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> bodies(String kind, int count) {
        return IntStream.range(0, count).mapToObj(i -> kind + "-" + i).toList();
    }

    private static List<String> keys(String kind, int count) {
        return IntStream.range(0, count).mapToObj(i -> "key-" + kind + "-" + i).toList();
    }
}
