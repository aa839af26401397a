package io.nimbusmq.store.read;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import io.nimbusmq.message.MessageCodec;
import io.nimbusmq.message.MessageConst;
import io.nimbusmq.message.MessageMeta;
import io.nimbusmq.message.MessageProperties;
import io.nimbusmq.message.RecordCheck;
import io.nimbusmq.store.commitlog.CommitLog;
import io.nimbusmq.store.file.MappedSlice;
import io.nimbusmq.store.index.IndexService;

/**
 * Finds messages by key or unique key through the index, then checks every hit against the stored message (topic,
 * key, time range and record integrity), because the index keeps only hashes.
 */
public final class KeyLookup {

    private final IndexService index;
    private final CommitLog commitLog;

    public KeyLookup(IndexService index, CommitLog commitLog) {
        this.index = index;
        this.commitLog = commitLog;
    }

    public QueryMessageResult byKey(String topic, String key, int maxResults, long beginMillis, long endMillis) {
        return query(topic, key, false, maxResults, beginMillis, endMillis);
    }

    public QueryMessageResult byUniqueKey(String topic, String uniqKey, int maxResults, long beginMillis,
            long endMillis) {
        return query(topic, uniqKey, true, maxResults, beginMillis, endMillis);
    }

    private QueryMessageResult query(String topic, String key, boolean unique, int maxResults, long beginMillis,
            long endMillis) {
        List<MappedSlice> found = new ArrayList<>();
        long lastTimestamp = index.lastUpdateTimestamp();
        long lastOffset = index.lastUpdatePhysicalOffset();
        int candidates = Math.max(maxResults, 1) * 4;
        for (long physicalOffset : index.query(topic, key, candidates, beginMillis, endMillis)) {
            if (found.size() >= maxResults) {
                break;
            }
            MappedSlice slice = commitLog.sliceRecord(physicalOffset);
            if (slice == null) {
                continue;
            }
            if (matches(slice, topic, key, unique, beginMillis, endMillis)) {
                found.add(slice);
            } else {
                slice.release();
            }
        }
        return new QueryMessageResult(List.copyOf(found), lastTimestamp, lastOffset);
    }

    private static boolean matches(MappedSlice slice, String topic, String key, boolean unique, long begin,
            long end) {
        ByteBuffer buf = slice.buffer();
        RecordCheck check = MessageCodec.checkSealed(buf, 0, buf.limit(), slice.physicalOffset());
        if (check.kind() != RecordCheck.Kind.MESSAGE) {
            return false;
        }
        MessageMeta meta = MessageCodec.decodeMeta(buf, 0);
        if (!meta.topic().equals(topic) || meta.storeTimestamp() < begin || meta.storeTimestamp() > end) {
            return false;
        }
        if (unique) {
            return key.equals(MessageProperties.get(meta.properties(), MessageConst.UNIQ_KEY));
        }
        String keys = MessageProperties.get(meta.properties(), MessageConst.KEYS);
        if (keys == null) {
            return false;
        }
        for (String candidate : keys.split(MessageConst.KEY_SEPARATOR)) {
            if (candidate.equals(key)) {
                return true;
            }
        }
        return false;
    }
}
