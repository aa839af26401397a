package io.nimbusmq.broker.transaction;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.nimbusmq.broker.offset.ConsumerOffsetTable;
import io.nimbusmq.broker.schedule.ScheduleConfig;
import io.nimbusmq.broker.schedule.ScheduleRewriter;
import io.nimbusmq.broker.time.ManualClock;
import io.nimbusmq.broker.topic.TopicConfigTable;
import io.nimbusmq.message.MessageConst;
import io.nimbusmq.message.MessageInput;
import io.nimbusmq.message.MessageProperties;
import io.nimbusmq.message.MessageSysFlag;
import io.nimbusmq.message.StoredMessage;
import io.nimbusmq.remoting.protocol.header.EndTransactionRequestHeader;
import io.nimbusmq.store.DefaultMessageStore;
import io.nimbusmq.store.PutMessageResult;
import io.nimbusmq.store.StoreConfig;
import io.nimbusmq.store.retention.DiskUsageProbe;

/**
 * A real store in a temporary directory on a {@link ManualClock}, with the transaction parts on top of it, and sends
 * shaped like the official transactional producer's.
 */
final class TransactionFixture implements AutoCloseable {

    static final InetSocketAddress STORE_HOST = new InetSocketAddress("127.0.0.1", 10911);
    static final InetSocketAddress BORN_HOST = new InetSocketAddress("127.0.0.1", 51000);
    static final String GROUP = "pg-orders";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final Path dir;
    DefaultMessageStore store;
    TopicConfigTable topics;
    ConsumerOffsetTable offsets;
    TransactionLog transactionLog;

    TransactionFixture(Path dir) throws IOException {
        this.dir = dir;
        open();
    }

    private void open() throws IOException {
        store = new DefaultMessageStore(StoreConfig.embedded(dir.resolve("store")), clock,
                DiskUsageProbe.fileStore());
        store.start();
        topics = new TopicConfigTable(dir.resolve("config/topics.json"), true);
        topics.load();
        offsets = new ConsumerOffsetTable(dir.resolve("config/consumerOffset.json"));
        offsets.load();
        transactionLog = new TransactionLog(store, () -> STORE_HOST, clock, topics);
    }

    /** The send path's scheduling on this fixture's clock, with the default delay levels. */
    ScheduleRewriter scheduler() {
        return new ScheduleRewriter(ScheduleConfig.defaults(), clock);
    }

    /** Stops cleanly (offsets persisted) and opens the same directory again. */
    void restart() throws IOException {
        offsets.persist();
        store.shutdown();
        open();
    }

    /** Stores a half message the way the send path does and returns it as stored. */
    StoredMessage sendHalf(String topic, int queueId, String body) {
        return sendHalf(topic, queueId, body, Map.of());
    }

    StoredMessage sendHalf(String topic, int queueId, String body, Map<String, String> extraProperties) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(MessageConst.TAGS, "created");
        properties.put(MessageConst.KEYS, "order-" + body);
        properties.put(MessageConst.TRAN_MSG, "true");
        properties.put(MessageConst.PGROUP, GROUP);
        properties.put(MessageConst.UNIQ_KEY, "7F00000100002A9F0000000000" + SEQUENCE.incrementAndGet());
        properties.putAll(extraProperties);
        MessageInput sent = new MessageInput(topic, queueId, 0, body.getBytes(StandardCharsets.UTF_8),
                MessageProperties.encode(properties), MessageSysFlag.TRANSACTION_PREPARED_TYPE, clock.millis(),
                BORN_HOST, STORE_HOST, 0, 0);
        PutMessageResult result = store.putMessages(HalfMessages.storeAsHalf(List.of(sent))).join();
        StoredMessage half = store.lookMessage(result.append().physicalOffset());
        awaitDispatched();
        return half;
    }

    void awaitDispatched() {
        try {
            if (!store.awaitDispatched(30_000)) {
                throw new IllegalStateException("store did not dispatch within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every message of queue {@code queueId} of {@code topic}, in queue order. */
    List<StoredMessage> queue(String topic, int queueId) {
        awaitDispatched();
        List<StoredMessage> all = new ArrayList<>();
        long max = store.maxOffsetInQueue(topic, queueId);
        for (long offset = store.minOffsetInQueue(topic, queueId); offset < max; offset++) {
            try (var result = store.getMessages(topic, queueId, offset, 1, 1 << 20, tags -> true)) {
                result.messages().forEach(slice -> all.add(io.nimbusmq.message.MessageCodec.decode(
                        slice.buffer())));
            }
        }
        return all;
    }

    static String body(StoredMessage message) {
        return new String(message.body(), StandardCharsets.UTF_8);
    }

    static EndTransactionRequestHeader end(StoredMessage half, int type) {
        return new EndTransactionRequestHeader(GROUP, half.queueOffset(), half.physicalOffset(), type, false,
                half.property(MessageConst.UNIQ_KEY), half.property(MessageConst.UNIQ_KEY), null);
    }

    @Override
    public void close() {
        store.shutdown();
    }
}
