package io.nimbusmq.remoting.protocol.body.client;

import java.util.List;

/** The GET_CONSUMER_LIST_BY_GROUP (38) answer: {@code {"consumerIdList":["192.0.2.2@1#2",…]}}. */
public record ConsumerListBody(List<String> consumerIdList) {

    public ConsumerListBody {
        consumerIdList = BodyCollections.copyOfList(consumerIdList);
    }
}
