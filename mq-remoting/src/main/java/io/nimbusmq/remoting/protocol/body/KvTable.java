package io.nimbusmq.remoting.protocol.body;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The key-value pairs of one KV-config namespace: {@code {"table":{"key":"value"}}}. The name server answers a
 * REGISTER_BROKER with the {@code ORDER_TOPIC_CONFIG} namespace in this form when it has one.
 */
public record KvTable(Map<String, String> table) {

    public KvTable {
        table = table == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(table));
    }
}
