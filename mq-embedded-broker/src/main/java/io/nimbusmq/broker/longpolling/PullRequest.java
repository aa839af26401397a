package io.nimbusmq.broker.longpolling;

import io.nimbusmq.remoting.dispatch.RequestContext;
import io.nimbusmq.store.read.MessageFilter;

/**
 * A pull that found nothing and waits for a message.
 *
 * @param queueOffset the offset the consumer asked for
 * @param deadlineMillis when to answer even if nothing arrived
 */
public record PullRequest(RequestContext context, String topic, int queueId, long queueOffset, MessageFilter filter,
        long deadlineMillis) {
}
