package io.nimbusmq.remoting.protocol.body;

import java.util.Collection;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * A set of topic names, the body of GET_ALL_TOPIC_LIST_FROM_NAMESERVER (206) and GET_TOPICS_BY_CLUSTER (224):
 * {@code {"topicList":["TopicA","TopicB"]}}; sorted here, unordered in RocketMQ.
 */
public record TopicList(Set<String> topicList) {

    public TopicList {
        topicList = topicList == null ? Set.of() : Collections.unmodifiableSet(new TreeSet<>(topicList));
    }

    public static TopicList of(Collection<String> topics) {
        return new TopicList(new TreeSet<>(topics));
    }
}
