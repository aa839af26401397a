package io.nimbusmq.remoting.protocol.body.client;

import java.util.Set;

/**
 * The LOCK_BATCH_MQ (41) body (remoting-protocol.md §4.7):
 * {@code {"clientId":"…","consumerGroup":"cgo","mqSet":[{"brokerName":"broker-a","queueId":3,"topic":"TopicTest"}],
 * "onlyThisBroker":false}}.
 *
 * @param onlyThisBroker whether a replicated broker should skip asking its peers; a single broker ignores it
 */
public record LockBatchRequestBody(String clientId, String consumerGroup, Set<MessageQueue> mqSet,
        boolean onlyThisBroker) {

    public LockBatchRequestBody {
        mqSet = BodyCollections.copyOfSet(mqSet);
    }
}
