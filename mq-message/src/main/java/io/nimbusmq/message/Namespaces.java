package io.nimbusmq.message;

import java.util.regex.Pattern;

/**
 * Namespaces as RocketMQ clients apply them ({@code NamespaceUtil}): a namespace {@code ns} puts topics and groups on
 * the wire as {@code ns%name}. Retry and dead-letter names keep their prefix in front, {@code %RETRY%ns%group} and
 * {@code %DLQ%ns%group}. System resources (RocketMQ's reserved topics, {@code rmq_sys_*}, and groups starting with
 * {@code CID_RMQ_SYS_}) are never wrapped. Reply topics are: the official client counts {@code <cluster>_REPLY_TOPIC}
 * as a system topic only inside a broker's JVM (the broker adds it at start-up), so a replier in namespace
 * {@code ns} sends its reply to {@code ns%<cluster>_REPLY_TOPIC}. Wrapping is idempotent, and unwrapping strips only the given
 * namespace, so that a name of another namespace stays as it is.
 *
 * <p>A namespace is one or more of {@code a-z A-Z 0-9 _ -}: the characters RocketMQ allows in a topic, less its
 * separator {@code %} and {@code |}.
 */
public final class Namespaces {

    /** Between the namespace and the name. */
    public static final char SEPARATOR = '%';
    /** Groups RocketMQ counts as system groups ({@code MixAll.isSysConsumerGroup}). */
    public static final String SYSTEM_GROUP_PREFIX = "CID_RMQ_SYS_";
    private static final Pattern VALID = Pattern.compile("[a-zA-Z0-9_-]+");

    private Namespaces() {
    }

    /** Whether {@code namespace} is usable: {@code null} or empty (no namespace) or one of the allowed characters. */
    public static boolean isValid(String namespace) {
        return namespace == null || namespace.isEmpty() || VALID.matcher(namespace).matches();
    }

    /** {@code ns%name}, {@code %RETRY%ns%group} or {@code %DLQ%ns%group}; {@code name} itself when nothing applies. */
    public static String wrap(String namespace, String name) {
        if (isEmpty(namespace) || isEmpty(name) || isSystem(name) || isWrapped(namespace, name)) {
            return name;
        }
        String prefix = prefixOf(name);
        return prefix + namespace + SEPARATOR + name.substring(prefix.length());
    }

    /** {@code name} without {@code namespace} (its retry or dead-letter prefix kept); as it is when not wrapped. */
    public static String unwrap(String namespace, String name) {
        if (isEmpty(namespace) || isEmpty(name) || !isWrapped(namespace, name)) {
            return name;
        }
        String prefix = prefixOf(name);
        return prefix + name.substring(prefix.length() + namespace.length() + 1);
    }

    /** Whether {@code name} already carries {@code namespace} (after a retry or dead-letter prefix). */
    public static boolean isWrapped(String namespace, String name) {
        if (isEmpty(namespace) || isEmpty(name) || isSystem(name)) {
            return false;
        }
        return name.startsWith(namespace + SEPARATOR, prefixOf(name).length());
    }

    private static boolean isSystem(String name) {
        return SystemTopics.isReservedTopic(name) || name.startsWith(SYSTEM_GROUP_PREFIX);
    }

    private static String prefixOf(String name) {
        if (name.startsWith(SystemTopics.RETRY_GROUP_TOPIC_PREFIX)) {
            return SystemTopics.RETRY_GROUP_TOPIC_PREFIX;
        }
        return name.startsWith(SystemTopics.DLQ_GROUP_TOPIC_PREFIX) ? SystemTopics.DLQ_GROUP_TOPIC_PREFIX : "";
    }

    private static boolean isEmpty(String s) {
        return s == null || s.isEmpty();
    }
}
