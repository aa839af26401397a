package io.nimbusmq.spring.listener;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import io.nimbusmq.message.Namespaces;
import io.nimbusmq.remoting.protocol.body.client.ConsumeFromWhere;

/**
 * Where a listener connects and where its queues start when its group has no offset yet.
 *
 * @param connection       the {@code mq.connections.<name>} it consumes from; empty for the default connection
 * @param namespace        the RocketMQ namespace of its topics and group; empty for its connection's
 * @param consumeFromWhere {@code null} for {@code mq.consumer.consume-from-where}
 * @param consumeTimestamp where CONSUME_FROM_TIMESTAMP starts; {@code null} for {@code mq.consumer.consume-timestamp}
 */
public record ListenerConnectionSettings(String connection, String namespace, ConsumeFromWhere consumeFromWhere,
        Instant consumeTimestamp) {

    public static final ListenerConnectionSettings DEFAULTS = new ListenerConnectionSettings("", "", null, null);
    private static final DateTimeFormatter ROCKETMQ_TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    public ListenerConnectionSettings {
        connection = connection == null ? "" : connection;
        namespace = namespace == null ? "" : namespace;
    }

    /**
     * A RocketMQ namespace (letters, digits, '_' and '-', as {@code mq.namespace}); empty for {@code null}.
     *
     * @throws InvalidListenerSettingException naming {@code setting} and the value
     */
    public static String parseNamespace(String setting, String value) {
        String namespace = value == null ? "" : value.trim();
        if (!Namespaces.isValid(namespace)) {
            throw new InvalidListenerSettingException(setting, value, "a namespace may only hold letters, digits, "
                    + "'_' and '-' (RocketMQ puts it in front of topic and group names, separated by '%')");
        }
        return namespace;
    }

    /**
     * {@code LAST_OFFSET}, {@code FIRST_OFFSET} or {@code TIMESTAMP} (or RocketMQ's {@code CONSUME_FROM_*} names);
     * empty for {@code null}.
     *
     * @throws IllegalArgumentException naming {@code setting} and the value
     */
    public static ConsumeFromWhere parseConsumeFromWhere(String setting, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String name = value.trim().toUpperCase(Locale.ROOT);
        try {
            return ConsumeFromWhere.valueOf(name.startsWith("CONSUME_FROM_") ? name : "CONSUME_FROM_" + name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(setting + "='" + value + "' is not LAST_OFFSET, FIRST_OFFSET or "
                    + "TIMESTAMP", e);
        }
    }

    /**
     * An ISO-8601 instant ({@code 2026-01-31T08:00:00Z}) or RocketMQ's {@code yyyyMMddHHmmss} in the JVM's zone;
     * empty for {@code null}.
     *
     * @throws IllegalArgumentException naming {@code setting} and the value
     */
    public static Instant parseTimestamp(String setting, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        try {
            return text.matches("\\d{14}") ? LocalDateTime.parse(text, ROCKETMQ_TIMESTAMP)
                    .atZone(ZoneId.systemDefault()).toInstant() : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(setting + "='" + value + "' is neither an ISO-8601 instant "
                    + "(2026-01-31T08:00:00Z) nor yyyyMMddHHmmss", e);
        }
    }
}
