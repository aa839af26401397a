package io.nimbusmq.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.nimbusmq.message.MessageConst;
import io.nimbusmq.message.MessageInput;
import io.nimbusmq.message.MessageProperties;
import io.nimbusmq.store.commitlog.CommitLogConfig;
import io.nimbusmq.store.index.IndexConfig;
import io.nimbusmq.store.queue.ConsumeQueueConfig;

/** Small stores and messages for tests. */
public final class StoreTestSupport {

    private StoreTestSupport() {
    }

    /** 64 KiB commit log segments, 64-entry consume queue segments, small index files. */
    public static StoreConfig smallConfig(Path dir) {
        return StoreConfig.embedded(dir)
                .withCommitLog(CommitLogConfig.embedded().withSegmentSizeBytes(64 * 1024)
                        .withMaxMessageSizeBytes(16 * 1024))
                .withConsumeQueue(new ConsumeQueueConfig(64))
                .withIndex(new IndexConfig(64, 256));
    }

    public static MessageInput message(String topic, int queueId, String body, String tags, String keys) {
        Map<String, String> properties = new LinkedHashMap<>();
        if (tags != null) {
            properties.put(MessageConst.TAGS, tags);
        }
        if (keys != null) {
            properties.put(MessageConst.KEYS, keys);
        }
        return MessageInput.builder(topic, queueId, body.getBytes(StandardCharsets.UTF_8))
                .properties(MessageProperties.encode(properties))
                .build();
    }

    public static MessageInput message(String topic, int queueId, String body) {
        return message(topic, queueId, body, null, null);
    }
}
