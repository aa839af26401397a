package io.nimbusmq.broker.config;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The broker settings an operator may change while the broker runs ({@code mqadmin updateBrokerConfig}), by their
 * RocketMQ names. An update is all or nothing: every key must be one of {@link #keys()} and every value valid, or
 * nothing changes and {@link #update} says why. A changed value applies at once and lasts until the broker restarts
 * (start-up options decide after a restart, as RocketMQ's broker.conf does).
 */
public final class RuntimeSettings {

    /** How to read one setting's text and apply it. */
    private record Setting<T>(Function<String, T> parser, Consumer<T> setter) {

        Runnable prepare(String value) {
            T parsed = parser.apply(value);
            return () -> setter.accept(parsed);
        }
    }

    private final Map<String, Setting<?>> settings = new TreeMap<>();

    /** Adds a boolean setting, {@code true} or {@code false}. */
    public RuntimeSettings bool(String key, Consumer<Boolean> setter) {
        settings.put(key, new Setting<>(value -> parseBoolean(key, value), setter));
        return this;
    }

    /** The keys that may change at runtime. */
    public Set<String> keys() {
        return new TreeSet<>(settings.keySet());
    }

    /**
     * Applies {@code properties} if every key may change and every value is valid.
     *
     * @return null when applied, else why nothing was changed
     */
    public String update(Map<String, String> properties) {
        Map<String, Runnable> changes = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : properties.entrySet()) {
            Setting<?> setting = settings.get(entry.getKey());
            if (setting == null) {
                return "cannot change " + entry.getKey() + " while the broker runs; keys that can change: "
                        + keys();
            }
            try {
                changes.put(entry.getKey(), setting.prepare(entry.getValue()));
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
        }
        changes.values().forEach(Runnable::run);
        return null;
    }

    private static boolean parseBoolean(String key, String value) {
        String normalized = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        if (!normalized.equals("true") && !normalized.equals("false")) {
            throw new IllegalArgumentException(key + " must be true or false: " + value);
        }
        return normalized.equals("true");
    }
}
