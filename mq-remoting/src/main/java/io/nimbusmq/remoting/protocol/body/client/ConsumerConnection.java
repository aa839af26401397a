package io.nimbusmq.remoting.protocol.body.client;

import java.util.Map;
import java.util.Set;

/**
 * The GET_CONSUMER_CONNECTION_LIST (203) answer (remoting-protocol.md §4.9, §6): the group's live connections and
 * what it consumes.
 * <pre>
 * {"connectionSet":[{"clientAddr":…,"clientId":…,"language":"JAVA","version":475}],
 *  "consumeFromWhere":"CONSUME_FROM_LAST_OFFSET","consumeType":"CONSUME_PASSIVELY","messageModel":"CLUSTERING",
 *  "subscriptionTable":{"T":{…}}}
 * </pre>
 *
 * @param subscriptionTable topic to subscription; kept sorted by topic
 */
public record ConsumerConnection(Set<Connection> connectionSet, ConsumeFromWhere consumeFromWhere,
        ConsumeType consumeType, MessageModel messageModel, Map<String, SubscriptionData> subscriptionTable) {

    public ConsumerConnection {
        connectionSet = BodyCollections.copyOfSet(connectionSet);
        subscriptionTable = BodyCollections.copyOfSortedMap(subscriptionTable);
    }
}
