package io.nimbusmq.store.dispatch;

import io.nimbusmq.message.MessageConst;
import io.nimbusmq.message.MessageMeta;
import io.nimbusmq.message.MessageProperties;

/**
 * One stored message, as seen by the structures derived from the commit log.
 *
 * @param tagsCode the value the consume queue stores for filtering: the hash of the TAGS property, 0 without tags
 * @param keys the KEYS property (space-separated), or null
 * @param uniqKey the UNIQ_KEY property, or null
 * @param properties the raw property string
 */
public record DispatchRequest(
        String topic,
        int queueId,
        long queueOffset,
        long physicalOffset,
        int sizeBytes,
        long tagsCode,
        long storeTimestamp,
        int sysFlag,
        String keys,
        String uniqKey,
        String properties) {

    public static DispatchRequest of(MessageMeta meta) {
        String props = meta.properties();
        return new DispatchRequest(meta.topic(), meta.queueId(), meta.queueOffset(), meta.physicalOffset(),
                meta.sizeBytes(), MessageProperties.tagsCode(MessageProperties.get(props, MessageConst.TAGS)),
                meta.storeTimestamp(), meta.sysFlag(), MessageProperties.get(props, MessageConst.KEYS),
                MessageProperties.get(props, MessageConst.UNIQ_KEY), props);
    }

    public long endOffset() {
        return physicalOffset + sizeBytes;
    }
}
