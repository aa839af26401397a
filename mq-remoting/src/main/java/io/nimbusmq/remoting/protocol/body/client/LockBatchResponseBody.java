package io.nimbusmq.remoting.protocol.body.client;

import java.util.Set;

/**
 * The LOCK_BATCH_MQ (41) answer: {@code {"lockOKMQSet":[…]}}, the requested queues the client now holds, including
 * those it already held.
 */
public record LockBatchResponseBody(Set<MessageQueue> lockOKMQSet) {

    public LockBatchResponseBody {
        lockOKMQSet = BodyCollections.copyOfSet(lockOKMQSet);
    }
}
