package io.nimbusmq.remoting.protocol.body.admin;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.nimbusmq.remoting.protocol.body.RemotingJson;
import io.nimbusmq.remoting.protocol.body.client.MessageQueue;

/**
 * Writes a map keyed by {@link MessageQueue} (ConsumeStats, TopicStatsTable, ResetOffsetBody) exactly as fastjson 1
 * writes RocketMQ's {@code Map<MessageQueue, …>}: each key a bare JSON object, not a string, queues in client
 * order (remoting-protocol.md §6, quirk 2):
 *
 * <pre>
 * {{"brokerName":"broker-a","queueId":0,"topic":"T"}:{"brokerOffset":10,…},{"brokerName":…}:{…}}
 * </pre>
 *
 * fastjson 1 (clients up to 5.3.x) and fastjson2 (clients 5.4.0+) both read this form back into
 * {@code Map<MessageQueue, …>}; a string key holding the queue's JSON is read by fastjson 1 only (fastjson2 fails with
 * "illegal fieldName input"). Jackson cannot write an object as a field name, so the map is written as one raw value,
 * its values encoded by {@link RemotingJson}.
 */
final class QueueKeyedMapSerializer extends StdSerializer<Map<MessageQueue, ?>> {

    private static final long serialVersionUID = 1L;

    @SuppressWarnings({"unchecked", "rawtypes"})
    QueueKeyedMapSerializer() {
        super((Class<Map<MessageQueue, ?>>) (Class) Map.class);
    }

    @Override
    public void serialize(Map<MessageQueue, ?> map, JsonGenerator json, SerializerProvider provider)
            throws IOException {
        StringBuilder out = new StringBuilder("{");
        for (Map.Entry<MessageQueue, ?> entry : new TreeMap<>(map).entrySet()) {
            if (entry.getValue() == null) {
                continue;
            }
            if (out.length() > 1) {
                out.append(',');
            }
            out.append(RemotingJson.toJson(entry.getKey())).append(':').append(RemotingJson.toJson(entry.getValue()));
        }
        json.writeRawValue(out.append('}').toString());
    }
}
