package io.nimbusmq.remoting.protocol.body.admin;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * QUERY_TOPIC_CONSUME_BY_WHO body (300), RocketMQ's {@code GroupList}: the consumer groups of a topic,
 * {@code {"groupList":["cg1","cg2"]}}.
 */
public record GroupList(Set<String> groupList) {

    public GroupList {
        groupList = groupList == null ? Set.of() : Collections.unmodifiableSet(new TreeSet<>(groupList));
    }
}
