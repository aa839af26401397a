package io.nimbusmq.remoting.protocol.body.client;

import java.util.Set;

/** The GET_PRODUCER_CONNECTION_LIST (204) answer: {@code {"connectionSet":[…]}}. */
public record ProducerConnection(Set<Connection> connectionSet) {

    public ProducerConnection {
        connectionSet = BodyCollections.copyOfSet(connectionSet);
    }
}
