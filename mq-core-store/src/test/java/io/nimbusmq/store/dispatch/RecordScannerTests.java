package io.nimbusmq.store.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.nimbusmq.message.MessageConst;
import io.nimbusmq.message.MessageInput;
import io.nimbusmq.message.MessageMeta;
import io.nimbusmq.message.MessageProperties;
import io.nimbusmq.store.commitlog.CommitLog;
import io.nimbusmq.store.commitlog.CommitLogConfig;
import io.nimbusmq.store.commitlog.QueueOffsetTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dispatch path scans record bytes; these tests hold it to what decoding the record's strings gives. */
class RecordScannerTests {

    private static final char NV = MessageProperties.NAME_VALUE_SEPARATOR;
    private static final char SEP = MessageProperties.PROPERTY_SEPARATOR;

    @TempDir
    Path dir;

    private CommitLog log;
    private ReputService reput;
    private final List<DispatchRequest> seen = new ArrayList<>();

    @BeforeEach
    void open() {
        log = new CommitLog(dir, new CommitLogConfig(1 << 20, 1 << 16, 4096), new QueueOffsetTable(),
                Clock.systemUTC());
        reput = new ReputService(log.files(), log.damaged());
        reput.addDispatcher(seen::add);
    }

    @AfterEach
    void close() {
        log.shutdown();
    }

    @Test
    void givesWhatDecodingTheRecordGivesForEveryShapeOfPropertyString() throws Exception {
        List<String> propertyStrings = List.of(
                "",
                MessageConst.TAGS + NV + "TagA",
                MessageConst.TAGS + NV + "TagA" + SEP + MessageConst.KEYS + NV + "order-1 customer-7" + SEP
                        + MessageConst.UNIQ_KEY + NV + "7F0000010000ABCDEF0123456789",
                MessageConst.TAGS + NV + "first" + SEP + MessageConst.TAGS + NV + "last",
                MessageConst.TAGS + NV + "标签-ü",
                MessageConst.TAGS + NV,
                MessageConst.KEYS + NV + SEP + MessageConst.UNIQ_KEY + NV,
                "TAGSX" + NV + "not-a-tag" + SEP + "XTAGS" + NV + "neither" + SEP + "a" + NV + "b",
                "name-ü" + NV + "wert-ä" + SEP + MessageConst.KEYS + NV + "schlüssel",
                MessageConst.UNIQ_KEY + NV + "only-uniq");
        List<String> topics = List.of("T", "Orders", "トピック", "%RETRY%group");
        int n = 0;
        for (String properties : propertyStrings) {
            for (String topic : topics) {
                log.append(MessageInput.builder(topic, n % 4, ("body-" + n).getBytes(StandardCharsets.UTF_8))
                        .properties(properties).build());
                n++;
            }
        }
        reput.dispatchUntil(log.maxOffset());

        assertThat(seen).hasSize(n);
        for (DispatchRequest request : seen) {
            MessageMeta meta = log.recordMetaAt(request.physicalOffset());
            String properties = meta.properties();
            assertThat(request).as("record at %d with properties [%s]", request.physicalOffset(), properties)
                    .isEqualTo(new DispatchRequest(meta.topic(), meta.queueId(), meta.queueOffset(),
                            meta.physicalOffset(), meta.sizeBytes(),
                            MessageProperties.tagsCode(MessageProperties.get(properties, MessageConst.TAGS)),
                            meta.storeTimestamp(), meta.sysFlag(),
                            MessageProperties.get(properties, MessageConst.KEYS),
                            MessageProperties.get(properties, MessageConst.UNIQ_KEY)));
        }
        assertThat(seen.get(12).tagsCode()).as("the last of duplicate TAGS entries wins").isEqualTo("last".hashCode());
    }

    @Test
    void aKnownTopicIsTheSameStringEveryTime() throws Exception {
        for (int i = 0; i < 3; i++) {
            log.append(MessageInput.builder("Orders", 0, new byte[10]).build());
        }
        reput.dispatchUntil(log.maxOffset());

        assertThat(seen).hasSize(3);
        assertThat(seen.get(1).topic()).isSameAs(seen.get(0).topic()).isSameAs(seen.get(2).topic());
    }

    @Test
    void theTopicCacheFindsEveryTopicAndStartsOverPastItsLimit() {
        TopicCache cache = new TopicCache();
        int topics = TopicCache.MAX_TOPICS + 100;
        List<String> first = new ArrayList<>();
        for (int i = 0; i < topics; i++) {
            first.add(cache.get(bytes("topic-" + i), 0, ("topic-" + i).length()));
            assertThat(cache.size()).isLessThanOrEqualTo(TopicCache.MAX_TOPICS);
        }
        for (int i = 0; i < topics; i++) {
            assertThat(first.get(i)).isEqualTo("topic-" + i);
        }
        for (int i = topics - 50; i < topics; i++) {
            ByteBuffer buf = ByteBuffer.allocateDirect(64);
            buf.position(7);
            buf.put(("topic-" + i).getBytes(StandardCharsets.UTF_8));
            assertThat(cache.get(buf, 7, ("topic-" + i).length())).as("cached since the restart")
                    .isSameAs(first.get(i));
        }
    }

    private static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }
}
