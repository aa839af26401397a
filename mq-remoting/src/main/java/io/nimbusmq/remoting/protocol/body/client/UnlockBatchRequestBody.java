package io.nimbusmq.remoting.protocol.body.client;

import java.util.Set;

/** The UNLOCK_BATCH_MQ (42) body; the same fields as {@link LockBatchRequestBody}. */
public record UnlockBatchRequestBody(String clientId, String consumerGroup, Set<MessageQueue> mqSet,
        boolean onlyThisBroker) {

    public UnlockBatchRequestBody {
        mqSet = BodyCollections.copyOfSet(mqSet);
    }
}
