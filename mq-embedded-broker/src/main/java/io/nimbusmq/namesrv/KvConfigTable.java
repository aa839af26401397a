package io.nimbusmq.namesrv;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The name server's key-value configuration, namespace → key → value, in memory only (RocketMQ persists it to
 * {@code kvConfig.json}; we do not). The {@value #ORDER_TOPIC_CONFIG} namespace is sent back to registering brokers.
 * Thread-safe.
 */
public final class KvConfigTable {

    /** Namespace of the per-topic order configuration ({@code "broker-a:4;broker-b:4"}). */
    public static final String ORDER_TOPIC_CONFIG = "ORDER_TOPIC_CONFIG";

    private final Map<String, Map<String, String>> namespaces = new ConcurrentHashMap<>();

    public void put(String namespace, String key, String value) {
        Objects.requireNonNull(value, "value");
        namespaces.computeIfAbsent(namespace, ns -> new ConcurrentHashMap<>()).put(key, value);
    }

    public Optional<String> get(String namespace, String key) {
        return Optional.ofNullable(namespaces.getOrDefault(namespace, Map.of()).get(key));
    }

    /** Removes the key; a namespace left empty disappears. Returns whether the key existed. */
    public boolean delete(String namespace, String key) {
        boolean[] removed = new boolean[1];
        namespaces.computeIfPresent(namespace, (ns, entries) -> {
            removed[0] = entries.remove(key) != null;
            return entries.isEmpty() ? null : entries;
        });
        return removed[0];
    }

    /** A copy of the namespace's entries; empty when it has none. */
    public Optional<Map<String, String>> namespace(String namespace) {
        Map<String, String> entries = namespaces.get(namespace);
        return entries == null || entries.isEmpty() ? Optional.empty() : Optional.of(Map.copyOf(entries));
    }
}
