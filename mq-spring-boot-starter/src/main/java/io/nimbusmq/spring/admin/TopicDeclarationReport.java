package io.nimbusmq.spring.admin;

import java.util.List;

/**
 * What {@link MqAdmin} found and did for each declared topic.
 *
 * @param topics one outcome per declared topic, in declaration order
 */
public record TopicDeclarationReport(List<TopicOutcome> topics) {

    public TopicDeclarationReport {
        topics = List.copyOf(topics);
    }

    public List<TopicOutcome> with(Outcome outcome) {
        return topics.stream().filter(topic -> topic.outcome() == outcome).toList();
    }

    public enum Outcome {
        /** It did not exist; every master created it. */
        CREATED,
        /** It exists as declared. */
        EXISTS,
        /** It exists, with other queue counts or another message type; left as it is. */
        DIFFERS,
        /** It does not exist and could not be created (not allowed, or creation is off). */
        MISSING
    }

    /**
     * @param detail what differs, or why it is missing; empty otherwise
     */
    public record TopicOutcome(MqTopic topic, Outcome outcome, String detail) {
    }
}
