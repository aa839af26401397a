package io.nimbusmq.client.internal.producer;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import io.nimbusmq.client.ReceivedMessage;
import io.nimbusmq.message.MessageConst;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests waiting for their reply, by CORRELATION_ID. The reply arrives as PUSH_REPLY_MESSAGE_TO_CLIENT (326) on any
 * broker connection of this client instance; a request removes itself when it completes or times out.
 */
public final class ReplyFutures {

    private static final Logger log = LoggerFactory.getLogger(ReplyFutures.class);

    private final Map<String, CompletableFuture<ReceivedMessage>> waiting = new ConcurrentHashMap<>();

    public CompletableFuture<ReceivedMessage> register(String correlationId) {
        CompletableFuture<ReceivedMessage> future = new CompletableFuture<>();
        waiting.put(correlationId, future);
        future.whenComplete((reply, failure) -> waiting.remove(correlationId, future));
        return future;
    }

    /** Completes the request the reply answers; a late or unknown reply is logged and dropped. */
    public void onReply(ReceivedMessage reply) {
        String correlationId = reply.property(MessageConst.CORRELATION_ID);
        CompletableFuture<ReceivedMessage> future = correlationId == null ? null : waiting.get(correlationId);
        if (future == null) {
            log.debug("Dropping a reply nobody waits for (correlation id {})", correlationId);
            return;
        }
        future.complete(reply);
    }

    public int pendingCount() {
        return waiting.size();
    }
}
