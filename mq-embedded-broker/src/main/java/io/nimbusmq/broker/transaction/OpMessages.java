package io.nimbusmq.broker.transaction;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import io.nimbusmq.message.MessageConst;
import io.nimbusmq.message.MessageInput;
import io.nimbusmq.message.MessageProperties;
import io.nimbusmq.message.StoredMessage;
import io.nimbusmq.message.SystemTopics;

/**
 * Operation messages: the record that a half message was resolved (committed or rolled back), in
 * {@value HalfMessages#OP_TOPIC} queue 0 (the half message's queue id), as RocketMQ 5.x writes them: tag
 * {@value #REMOVE_TAG}, body = the resolved half queue offsets in decimal, each followed by {@code ','}. Bodies without
 * the separator (RocketMQ 4.x: one offset) read the same.
 */
final class OpMessages {

    static final String REMOVE_TAG = "d";
    private static final String OFFSET_SEPARATOR = ",";
    private static final String PROPERTIES = MessageProperties.encode(Map.of(MessageConst.TAGS, REMOVE_TAG));
    private static final long[] NONE = new long[0];

    private OpMessages() {
    }

    static MessageInput forHalf(long halfQueueOffset, InetSocketAddress storeHost, long nowMillis) {
        byte[] body = (halfQueueOffset + OFFSET_SEPARATOR).getBytes(StandardCharsets.UTF_8);
        return new MessageInput(SystemTopics.TRANS_OP_HALF_TOPIC, HalfMessages.HALF_QUEUE_ID, 0, body, PROPERTIES, 0,
                nowMillis, storeHost, storeHost, 0, 0);
    }

    /** The half queue offsets an op message resolves; none for a foreign tag or a malformed body. */
    static long[] halfOffsets(StoredMessage op) {
        if (!REMOVE_TAG.equals(op.property(MessageConst.TAGS))) {
            return NONE;
        }
        return Arrays.stream(new String(op.body(), StandardCharsets.UTF_8).split(OFFSET_SEPARATOR))
                .mapToLong(piece -> HalfMessages.parseLong(piece, -1))
                .filter(offset -> offset >= 0)
                .toArray();
    }
}
