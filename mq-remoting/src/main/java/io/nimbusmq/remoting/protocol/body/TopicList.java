package io.nimbusmq.remoting.protocol.body;

import java.util.Collection;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * A set of topic names, the body of GET_ALL_TOPIC_LIST_FROM_NAMESERVER (206), GET_TOPICS_BY_CLUSTER (224) and the
 * system-topic lists (304, 305): {@code {"topicList":["TopicA","TopicB"]}}; sorted here, unordered in RocketMQ.
 *
 * @param brokerAddr in the name server's system-topic list, the address of a broker to ask for its own system
 *     topics; {@code null} (left out) otherwise
 */
public record TopicList(Set<String> topicList, String brokerAddr) {

    public TopicList {
        topicList = topicList == null ? Set.of() : Collections.unmodifiableSet(new TreeSet<>(topicList));
    }

    public TopicList(Set<String> topicList) {
        this(topicList, null);
    }

    public static TopicList of(Collection<String> topics) {
        return new TopicList(new TreeSet<>(topics));
    }
}
