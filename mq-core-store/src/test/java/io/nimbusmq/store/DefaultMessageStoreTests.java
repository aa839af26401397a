package io.nimbusmq.store;

import static io.nimbusmq.store.StoreTestSupport.message;
import static io.nimbusmq.store.StoreTestSupport.smallConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.nimbusmq.message.MessageCodec;
import io.nimbusmq.message.MessageConst;
import io.nimbusmq.message.MessageProperties;
import io.nimbusmq.message.StoredMessage;
import io.nimbusmq.store.file.MappedSlice;
import io.nimbusmq.store.flush.FlushMode;
import io.nimbusmq.store.read.BoundaryType;
import io.nimbusmq.store.read.GetMessageResult;
import io.nimbusmq.store.read.GetMessageStatus;
import io.nimbusmq.store.read.MessageFilter;
import io.nimbusmq.store.read.QueryMessageResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefaultMessageStoreTests {

    @TempDir
    Path dir;

    private DefaultMessageStore store;

    @AfterEach
    void stop() {
        if (store != null) {
            store.shutdown();
        }
    }

    private DefaultMessageStore open(StoreConfig config) throws IOException {
        store = new DefaultMessageStore(config);
        store.start();
        return store;
    }

    private static List<String> bodies(GetMessageResult result) {
        List<String> bodies = new ArrayList<>();
        for (MappedSlice slice : result.messages()) {
            bodies.add(new String(MessageCodec.decode(slice.buffer()).body(), StandardCharsets.UTF_8));
        }
        return bodies;
    }

    @Test
    void putThenGetReturnsMessagesInQueueOrderWithOffsets() throws Exception {
        open(smallConfig(dir));
        for (int i = 0; i < 5; i++) {
            PutMessageResult result = store.putMessage(message("TopicA", 1, "m" + i)).get();
            assertThat(result.status()).isEqualTo(PutMessageStatus.PUT_OK);
            assertThat(result.append().queueOffset()).isEqualTo(i);
        }
        assertThat(store.awaitDispatched(5000)).isTrue();

        try (GetMessageResult result = store.getMessages("TopicA", 1, 0, 10, 1 << 20, MessageFilter.ALL)) {
            assertThat(result.status()).isEqualTo(GetMessageStatus.FOUND);
            assertThat(bodies(result)).containsExactly("m0", "m1", "m2", "m3", "m4");
            assertThat(result.queueOffsets()).containsExactly(0L, 1L, 2L, 3L, 4L);
            assertThat(result.nextBeginOffset()).isEqualTo(5);
            assertThat(result.maxOffset()).isEqualTo(5);
        }
        assertThat(store.maxOffsetInQueue("TopicA", 1)).isEqualTo(5);
        assertThat(store.minOffsetInQueue("TopicA", 1)).isZero();
        assertThat(store.maxOffsetInQueue("TopicA", 0)).isZero();
    }

    @Test
    void storedRecordCarriesAppendFields() throws Exception {
        open(smallConfig(dir));
        store.putMessage(message("TopicA", 0, "first")).get();
        PutMessageResult second = store.putMessage(message("TopicA", 0, "second", "TagA", "k1 k2")).get();

        StoredMessage stored = store.lookMessage(second.append().physicalOffset());
        assertThat(stored.physicalOffset()).isEqualTo(second.append().physicalOffset());
        assertThat(stored.queueOffset()).isEqualTo(1);
        assertThat(stored.storeTimestamp()).isEqualTo(second.append().storeTimestamp());
        assertThat(stored.topic()).isEqualTo("TopicA");
        assertThat(stored.property(MessageConst.TAGS)).isEqualTo("TagA");
        assertThat(stored.magicCode()).isEqualTo(MessageCodec.MAGIC_V1);
        assertThat(store.lookMessage(second.append().physicalOffset() + 1)).isNull();
    }

    @Test
    void nonAsciiPropertiesAreStoredAsUtf8AndSealed() throws Exception {
        open(smallConfig(dir));
        String keys = "caf\u00e9 \u4e2d\u6587 \ud83d\ude00";
        PutMessageResult put = store.putMessage(message("TopicA", 0, "body", "T\u00e4g", keys)).get();

        StoredMessage stored = store.lookMessage(put.append().physicalOffset());
        assertThat(stored).isNotNull();
        assertThat(stored.property(MessageConst.TAGS)).isEqualTo("T\u00e4g");
        assertThat(stored.property(MessageConst.KEYS)).isEqualTo(keys);
    }

    @Test
    void readStopsAtMaxMessagesAndMaxBytesButReturnsAtLeastOne() throws Exception {
        open(smallConfig(dir));
        for (int i = 0; i < 10; i++) {
            store.putMessage(message("T", 0, "x".repeat(100))).get();
        }
        store.awaitDispatched(5000);
        try (GetMessageResult result = store.getMessages("T", 0, 0, 3, 1 << 20, MessageFilter.ALL)) {
            assertThat(result.messageCount()).isEqualTo(3);
            assertThat(result.nextBeginOffset()).isEqualTo(3);
        }
        try (GetMessageResult result = store.getMessages("T", 0, 2, 32, 1, MessageFilter.ALL)) {
            assertThat(result.messageCount()).isEqualTo(1);
            assertThat(result.nextBeginOffset()).isEqualTo(3);
        }
    }

    @Test
    void tagFilterSkipsNonMatchingEntries() throws Exception {
        open(smallConfig(dir));
        store.putMessage(message("T", 0, "a", "TagA", null)).get();
        store.putMessage(message("T", 0, "b", "TagB", null)).get();
        store.putMessage(message("T", 0, "c", "TagA", null)).get();
        store.awaitDispatched(5000);
        long tagA = MessageProperties.tagsCode("TagA");
        try (GetMessageResult result = store.getMessages("T", 0, 0, 32, 1 << 20, code -> code == tagA)) {
            assertThat(bodies(result)).containsExactly("a", "c");
            assertThat(result.queueOffsets()).containsExactly(0L, 2L);
        }
        try (GetMessageResult result = store.getMessages("T", 0, 1, 1, 1 << 20, code -> code == 42)) {
            assertThat(result.status()).isEqualTo(GetMessageStatus.NO_MATCHED_MESSAGE);
            assertThat(result.nextBeginOffset()).isEqualTo(3);
        }
    }

    @Test
    void offsetStatusesFollowRocketMq() throws Exception {
        open(smallConfig(dir));
        try (GetMessageResult r = store.getMessages("Nope", 0, 0, 1, 1024, MessageFilter.ALL)) {
            assertThat(r.status()).isEqualTo(GetMessageStatus.NO_MATCHED_LOGIC_QUEUE);
        }
        store.putMessage(message("T", 0, "a")).get();
        store.awaitDispatched(5000);
        try (GetMessageResult r = store.getMessages("T", 0, 1, 1, 1024, MessageFilter.ALL)) {
            assertThat(r.status()).isEqualTo(GetMessageStatus.OFFSET_OVERFLOW_ONE);
            assertThat(r.nextBeginOffset()).isEqualTo(1);
        }
        try (GetMessageResult r = store.getMessages("T", 0, 7, 1, 1024, MessageFilter.ALL)) {
            assertThat(r.status()).isEqualTo(GetMessageStatus.OFFSET_OVERFLOW_BADLY);
            assertThat(r.nextBeginOffset()).isEqualTo(1);
        }
    }

    @Test
    void batchGetsConsecutiveQueueOffsetsAndOneContiguousRun() throws Exception {
        open(smallConfig(dir));
        store.putMessage(message("T", 2, "before")).get();
        PutMessageResult batch = store.putMessages(List.of(message("T", 2, "b0"), message("T", 2, "b1"),
                message("T", 2, "b2"))).get();
        assertThat(batch.status()).isEqualTo(PutMessageStatus.PUT_OK);
        assertThat(batch.append().queueOffset()).isEqualTo(1);
        long[] offsets = batch.append().physicalOffsets();
        assertThat(offsets).hasSize(3);
        assertThat(offsets[1]).isEqualTo(offsets[0] + store.lookMessage(offsets[0]).totalSize());
        store.awaitDispatched(5000);
        try (GetMessageResult r = store.getMessages("T", 2, 1, 10, 1 << 20, MessageFilter.ALL)) {
            assertThat(bodies(r)).containsExactly("b0", "b1", "b2");
        }
    }

    @Test
    void batchForSeveralQueuesIsRejected() throws Exception {
        open(smallConfig(dir));
        PutMessageResult result = store.putMessages(List.of(message("T", 0, "a"), message("T", 1, "b"))).get();
        assertThat(result.status()).isEqualTo(PutMessageStatus.MESSAGE_ILLEGAL);
        assertThat(store.commitLogMaxOffset()).isZero();
    }

    @Test
    void queryByKeyAndUniqueKeyWithinTimeRange() throws Exception {
        open(smallConfig(dir));
        store.putMessage(message("T", 0, "one", null, "order-1 customer-9")).get();
        store.putMessage(message("T", 1, "two", null, "order-2 customer-9")).get();
        store.putMessage(message("Other", 0, "three", null, "order-1")).get();
        store.putMessage(StoreTestSupport.message("T", 0, "uniq"));
        store.awaitDispatched(5000);
        long now = System.currentTimeMillis();

        try (QueryMessageResult r = store.queryByKey("T", "customer-9", 10, 0, now + 1000)) {
            assertThat(r.messages()).hasSize(2);
        }
        try (QueryMessageResult r = store.queryByKey("T", "order-1", 10, 0, now + 1000)) {
            assertThat(r.messages()).hasSize(1);
            assertThat(MessageCodec.decode(r.messages().get(0).buffer()).body())
                    .isEqualTo("one".getBytes(StandardCharsets.UTF_8));
        }
        try (QueryMessageResult r = store.queryByKey("T", "order-1", 10, now + 60_000, now + 120_000)) {
            assertThat(r.messages()).isEmpty();
        }
    }

    @Test
    void queryByUniqueKey() throws Exception {
        open(smallConfig(dir));
        String props = MessageProperties.encode(java.util.Map.of(MessageConst.UNIQ_KEY, "AC11000100002A9F0000"));
        store.putMessage(io.nimbusmq.message.MessageInput.builder("T", 0, new byte[] {1}).properties(props)
                .build()).get();
        store.awaitDispatched(5000);
        try (QueryMessageResult r = store.queryByUniqueKey("T", "AC11000100002A9F0000", 32, 0, Long.MAX_VALUE)) {
            assertThat(r.messages()).hasSize(1);
        }
        try (QueryMessageResult r = store.queryByUniqueKey("T", "missing", 32, 0, Long.MAX_VALUE)) {
            assertThat(r.messages()).isEmpty();
        }
    }

    @Test
    void offsetForTimestampFindsLowerAndUpperBoundaries() throws Exception {
        MutableClock clock = new MutableClock(1_000_000);
        store = new DefaultMessageStore(smallConfig(dir), clock, root -> 0.1);
        store.start();
        for (int i = 0; i < 5; i++) {
            clock.set(1_000_000 + i * 1000L);
            store.putMessage(message("T", 0, "m" + i)).get();
        }
        clock.set(1_002_000);
        store.putMessage(message("T", 0, "m5")).get();
        store.awaitDispatched(5000);
        // store times: 1000000, 1001000, 1002000, 1003000, 1004000, 1004000 (the clock never goes back)
        assertThat(store.offsetForTimestamp("T", 0, 1_002_000, BoundaryType.LOWER)).isEqualTo(2);
        assertThat(store.offsetForTimestamp("T", 0, 1_002_500, BoundaryType.LOWER)).isEqualTo(3);
        assertThat(store.offsetForTimestamp("T", 0, 1_002_500, BoundaryType.UPPER)).isEqualTo(2);
        assertThat(store.offsetForTimestamp("T", 0, 1_004_000, BoundaryType.UPPER)).isEqualTo(5);
        assertThat(store.offsetForTimestamp("T", 0, 0, BoundaryType.LOWER)).isZero();
        assertThat(store.offsetForTimestamp("T", 0, 9_999_999, BoundaryType.LOWER)).isEqualTo(6);
        assertThat(store.earliestMessageTime("T", 0)).isEqualTo(1_000_000);
        assertThat(store.earliestMessageTime("T", 3)).isEqualTo(-1);
    }

    @Test
    void syncFlushCompletesAfterForce() throws Exception {
        open(smallConfig(dir).withFlushMode(FlushMode.SYNC_FLUSH));
        PutMessageResult result = store.putMessage(message("T", 0, "durable")).get();
        assertThat(result.status()).isEqualTo(PutMessageStatus.PUT_OK);
        assertThat(store.stats().forceCount()).isGreaterThanOrEqualTo(1);
        assertThat(store.stats().putMessageCount()).isEqualTo(1);
    }

    @Test
    void messagesSpanSegmentsAndSurviveCleanRestart() throws Exception {
        StoreConfig config = smallConfig(dir);
        open(config);
        String body = "y".repeat(1000);
        for (int i = 0; i < 200; i++) {
            assertThat(store.putMessage(message("T", i % 2, body + i)).get().isOk()).isTrue();
        }
        assertThat(store.commitLogMaxOffset()).isGreaterThan(3L * 64 * 1024);
        store.shutdown();
        store = null;

        open(config);
        assertThat(store.recoveryResult().cleanShutdown()).isTrue();
        assertThat(store.recoveryResult().truncatedBytes()).isZero();
        assertThat(store.maxOffsetInQueue("T", 0)).isEqualTo(100);
        PutMessageResult next = store.putMessage(message("T", 0, "after")).get();
        assertThat(next.append().queueOffset()).isEqualTo(100);
        store.awaitDispatched(5000);
        try (GetMessageResult r = store.getMessages("T", 0, 95, 10, 1 << 20, MessageFilter.ALL)) {
            assertThat(bodies(r)).containsExactly(body + 190, body + 192, body + 194, body + 196, body + 198,
                    "after");
        }
    }

    @Test
    void deleteTopicDropsItsQueues() throws Exception {
        open(smallConfig(dir));
        store.putMessage(message("Gone", 0, "a")).get();
        store.awaitDispatched(5000);
        assertThat(store.topics()).contains("Gone");
        store.deleteTopic("Gone");
        assertThat(store.topics()).doesNotContain("Gone");
        assertThat(store.maxOffsetInQueue("Gone", 0)).isZero();
    }

    @Test
    void secondStoreOnSameDirectoryIsRefused() throws Exception {
        open(smallConfig(dir));
        DefaultMessageStore second = new DefaultMessageStore(smallConfig(dir));
        assertThatThrownBy(second::start).isInstanceOf(IOException.class).hasMessageContaining("in use");
    }
}
