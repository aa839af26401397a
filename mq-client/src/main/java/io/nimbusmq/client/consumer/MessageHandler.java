package io.nimbusmq.client.consumer;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.nimbusmq.client.ReceivedMessage;

/**
 * Consumes what a push consumer pulled: up to {@link ConsumerConfig#consumeBatchSize()} messages of one queue at a
 * time (one, by default). Throwing counts as {@link ConsumeStatus#RETRY}.
 */
@FunctionalInterface
public interface MessageHandler {

    ConsumeStatus handle(List<ReceivedMessage> messages);

    /**
     * The verdict message by message, for a batch that failed part-way ({@link ConsumeResult}); by default
     * {@link #handle}'s verdict on all of them. The consumer calls this method.
     */
    default ConsumeResult consume(List<ReceivedMessage> messages) {
        return ConsumeResult.of(handle(messages));
    }

    /**
     * The verdict, possibly later (asynchronous processing): a CONCURRENTLY consumer calls this method and frees its
     * consume thread while the stage is incomplete; it applies the verdict on its pool when the stage completes (on
     * any thread; exceptionally means RETRY). Messages whose verdict is pending still hold back the committed offset,
     * count against the pull thresholds (not against {@code consumeThreads}) and are sent back for a retry once
     * past the consume timeout. ORDERLY consumers call {@link #consume} (a queue's next messages wait for the
     * verdict). By default {@link #consume}'s verdict, at once.
     */
    default CompletionStage<ConsumeResult> consumeAsync(List<ReceivedMessage> messages) {
        return CompletableFuture.completedFuture(consume(messages));
    }
}
