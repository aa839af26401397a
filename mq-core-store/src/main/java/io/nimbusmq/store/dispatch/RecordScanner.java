package io.nimbusmq.store.dispatch;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import io.nimbusmq.message.MessageCodec;
import io.nimbusmq.message.MessageConst;
import io.nimbusmq.message.MessageProperties;

/**
 * Builds the {@link DispatchRequest} of a commit log record from its bytes, without decoding its property string:
 * the topic comes from a {@link TopicCache}, the tag hash is computed over the tag's bytes, and only the KEYS and
 * UNIQ_KEY values (when present) become strings.
 *
 * <p><b>Same results as decoding.</b> {@link MessageCodec#decodeMeta} followed by {@link MessageProperties#get} and
 * {@link MessageProperties#tagsCode}: the separators (U+0001 between name and value, U+0002 between entries) are
 * single bytes in UTF-8 that never occur inside a multi-byte character, names are ASCII, and a value's hash over
 * ASCII bytes is {@link String#hashCode} of the value; a value with other bytes is decoded and hashed as a string.
 * The last of duplicate entries wins, as in {@link MessageProperties#get}.
 *
 * <p>Owned by one thread (the dispatch thread).
 */
final class RecordScanner {

    private static final byte[] TAGS = MessageConst.TAGS.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] KEYS = MessageConst.KEYS.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] UNIQ_KEY = MessageConst.UNIQ_KEY.getBytes(StandardCharsets.US_ASCII);
    private static final byte NAME_VALUE_SEPARATOR = (byte) MessageProperties.NAME_VALUE_SEPARATOR;
    private static final byte PROPERTY_SEPARATOR = (byte) MessageProperties.PROPERTY_SEPARATOR;

    private final TopicCache topics = new TopicCache();
    private byte[] scratch = new byte[256];
    /** Where the values of the last TAGS, KEYS and UNIQ_KEY entries of the record being scanned start; -1 if none. */
    private int tagsAt;
    private int keysAt;
    private int uniqKeyAt;

    /** Reads the valid record at {@code position}. */
    DispatchRequest scan(ByteBuffer buf, int position) {
        int sysFlag = buf.getInt(position + MessageCodec.SYS_FLAG_POSITION);
        boolean v2 = buf.getInt(position + 4) == MessageCodec.MAGIC_V2;
        int topicPos = MessageCodec.topicLengthPosition(buf, position);
        int topicLength = v2 ? buf.getShort(topicPos) & 0xFFFF : buf.get(topicPos) & 0xFF;
        int topicStart = topicPos + (v2 ? 2 : 1);
        int propertiesPos = topicStart + topicLength;
        int propertiesStart = propertiesPos + 2;
        int propertiesEnd = propertiesStart + MessageCodec.userPropertiesLength(buf, propertiesPos);
        findValues(buf, propertiesStart, propertiesEnd);
        return new DispatchRequest(topics.get(buf, topicStart, topicLength), buf.getInt(position + 12),
                buf.getLong(position + MessageCodec.QUEUE_OFFSET_POSITION),
                buf.getLong(position + MessageCodec.PHYSICAL_OFFSET_POSITION), buf.getInt(position),
                tagsCode(buf, tagsAt, propertiesEnd),
                buf.getLong(position + MessageCodec.storeTimestampPosition(sysFlag)), sysFlag,
                value(buf, keysAt, propertiesEnd), value(buf, uniqKeyAt, propertiesEnd));
    }

    /** One pass over the entries in [start, end): records where the wanted values start. */
    private void findValues(ByteBuffer buf, int start, int end) {
        tagsAt = -1;
        keysAt = -1;
        uniqKeyAt = -1;
        int entry = start;
        while (entry < end) {
            int entryEnd = indexOf(buf, PROPERTY_SEPARATOR, entry, end);
            if (matches(buf, entry, entryEnd, TAGS)) {
                tagsAt = entry + TAGS.length + 1;
            } else if (matches(buf, entry, entryEnd, KEYS)) {
                keysAt = entry + KEYS.length + 1;
            } else if (matches(buf, entry, entryEnd, UNIQ_KEY)) {
                uniqKeyAt = entry + UNIQ_KEY.length + 1;
            }
            entry = entryEnd + 1;
        }
    }

    /** Whether the entry in [entry, entryEnd) is named {@code name}. */
    private static boolean matches(ByteBuffer buf, int entry, int entryEnd, byte[] name) {
        int nameEnd = entry + name.length;
        if (nameEnd >= entryEnd || buf.get(nameEnd) != NAME_VALUE_SEPARATOR) {
            return false;
        }
        for (int i = 0; i < name.length; i++) {
            if (buf.get(entry + i) != name[i]) {
                return false;
            }
        }
        return true;
    }

    /** {@link MessageProperties#tagsCode} of the value starting at {@code at}, without a string for ASCII tags. */
    private long tagsCode(ByteBuffer buf, int at, int end) {
        if (at < 0) {
            return 0;
        }
        int valueEnd = indexOf(buf, PROPERTY_SEPARATOR, at, end);
        int hash = 0;
        for (int i = at; i < valueEnd; i++) {
            byte b = buf.get(i);
            if (b < 0) {
                return MessageProperties.tagsCode(value(buf, at, end));
            }
            hash = 31 * hash + b;
        }
        return hash;
    }

    /** The value starting at {@code at} as a string; null if there is none. */
    private String value(ByteBuffer buf, int at, int end) {
        if (at < 0) {
            return null;
        }
        int length = indexOf(buf, PROPERTY_SEPARATOR, at, end) - at;
        if (length == 0) {
            return "";
        }
        if (scratch.length < length) {
            scratch = new byte[Math.max(length, scratch.length * 2)];
        }
        buf.get(at, scratch, 0, length);
        return new String(scratch, 0, length, StandardCharsets.UTF_8);
    }

    /** Index of {@code b} in [from, end), or {@code end}. */
    private static int indexOf(ByteBuffer buf, byte b, int from, int end) {
        for (int i = from; i < end; i++) {
            if (buf.get(i) == b) {
                return i;
            }
        }
        return end;
    }
}
