package io.nimbusmq.message;

import java.util.Set;

/**
 * RocketMQ's rules for topic names, and the system topics ({@link SystemTopics}) that clients may not send to.
 */
public final class TopicValidator {

    public static final int TOPIC_MAX_LENGTH = 127;
    private static final Set<String> NOT_ALLOWED_SEND = Set.of(SystemTopics.SCHEDULE_TOPIC,
            SystemTopics.TRANS_HALF_TOPIC, SystemTopics.TRANS_OP_HALF_TOPIC, SystemTopics.TRANS_CHECK_MAX_TIME_TOPIC,
            SystemTopics.SELF_TEST_TOPIC, SystemTopics.OFFSET_MOVED_EVENT);

    private TopicValidator() {
    }

    /** Returns null if the name is legal, or what is wrong with it. */
    public static String validate(String topic) {
        if (topic == null || topic.isBlank()) {
            return "The specified topic is blank.";
        }
        if (topic.length() > TOPIC_MAX_LENGTH) {
            return "The specified topic is longer than topic max length " + TOPIC_MAX_LENGTH + ".";
        }
        if (!hasOnlyLegalChars(topic)) {
            return "The specified topic[" + topic + "] contains illegal characters, allowing only ^[%|a-zA-Z0-9_-]+$";
        }
        return null;
    }

    /** {@code ^[%|a-zA-Z0-9_-]+$} as a loop: this runs for every message sent. */
    private static boolean hasOnlyLegalChars(String topic) {
        for (int i = 0; i < topic.length(); i++) {
            char c = topic.charAt(i);
            boolean legal = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '%' || c == '|' || c == '_' || c == '-';
            if (!legal) {
                return false;
            }
        }
        return true;
    }

    public static boolean isNotAllowedToSend(String topic) {
        return NOT_ALLOWED_SEND.contains(topic);
    }
}
