package io.nimbusmq.client;

import java.util.List;
import java.util.Map;

/**
 * A topic as the brokers hold it ({@link MqClient#describeTopic}): one entry per broker group that has it.
 *
 * @param topic   the topic
 * @param brokers per broker group: its queue counts, permission and attributes
 */
public record TopicDescription(String topic, List<BrokerTopic> brokers) {

    public TopicDescription {
        brokers = List.copyOf(brokers);
    }

    /**
     * @param attributes the topic's attributes on the broker's master (e.g. {@code message.type=FIFO}), empty when the
     *                   broker did not say (GET_TOPIC_CONFIG refused or unsupported)
     */
    public record BrokerTopic(String brokerName, int readQueues, int writeQueues, int perm,
            Map<String, String> attributes) {

        public BrokerTopic {
            attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        }
    }
}
