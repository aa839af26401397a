package io.nimbusmq.store;

import java.util.List;

import io.nimbusmq.message.MessageInput;
import io.nimbusmq.message.Utf8;
import io.nimbusmq.store.commitlog.CommitLogConfig;

/** Checks a put before anything is written: a rejected put leaves no trace in the store. */
final class MessageValidator {

    static final int TOPIC_MAX_LENGTH = 127;

    private final CommitLogConfig config;

    MessageValidator(CommitLogConfig config) {
        this.config = config;
    }

    /** Returns null if the messages may be stored, or why not. */
    PutMessageResult validate(List<MessageInput> messages) {
        if (messages.isEmpty()) {
            return PutMessageResult.rejected(PutMessageStatus.MESSAGE_ILLEGAL, "empty batch");
        }
        MessageInput first = messages.get(0);
        long totalBody = 0;
        for (MessageInput message : messages) {
            PutMessageResult rejected = validateOne(message);
            if (rejected != null) {
                return rejected;
            }
            if (!message.topic().equals(first.topic()) || message.queueId() != first.queueId()) {
                return PutMessageResult.rejected(PutMessageStatus.MESSAGE_ILLEGAL,
                        "all messages of a batch must go to one topic and queue");
            }
            totalBody += message.body().length;
        }
        if (totalBody > config.maxMessageSizeBytes()) {
            return PutMessageResult.rejected(PutMessageStatus.MESSAGE_ILLEGAL, "batch body of " + totalBody
                    + " bytes exceeds the maximum message size of " + config.maxMessageSizeBytes() + " bytes");
        }
        return null;
    }

    /** The same check as {@code ^[%|a-zA-Z0-9_-]+$} on a non-empty topic, without a regex matcher per put. */
    private static boolean isLegalTopic(String topic) {
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

    private PutMessageResult validateOne(MessageInput message) {
        String topic = message.topic();
        if (topic.isEmpty() || topic.length() > TOPIC_MAX_LENGTH || !isLegalTopic(topic)) {
            return PutMessageResult.rejected(PutMessageStatus.TOPIC_ILLEGAL, "topic '" + topic
                    + "' must be 1-" + TOPIC_MAX_LENGTH + " characters of [%|a-zA-Z0-9_-]");
        }
        if (message.queueId() < 0) {
            return PutMessageResult.rejected(PutMessageStatus.MESSAGE_ILLEGAL,
                    "queue id must not be negative: " + message.queueId());
        }
        if (message.body().length > config.maxMessageSizeBytes()) {
            return PutMessageResult.rejected(PutMessageStatus.MESSAGE_ILLEGAL, "body of " + message.body().length
                    + " bytes exceeds the maximum message size of " + config.maxMessageSizeBytes() + " bytes");
        }
        String properties = message.properties();
        int propertiesBytes = properties.length() <= config.maxPropertiesSizeBytes() / 3 ? properties.length()
                : Utf8.length(properties);
        if (propertiesBytes > config.maxPropertiesSizeBytes()) {
            return PutMessageResult.rejected(PutMessageStatus.PROPERTIES_SIZE_EXCEEDED, "properties of "
                    + propertiesBytes + " bytes exceed the maximum of " + config.maxPropertiesSizeBytes() + " bytes");
        }
        return null;
    }
}
