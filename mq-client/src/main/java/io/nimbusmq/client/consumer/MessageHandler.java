package io.nimbusmq.client.consumer;

import java.util.List;

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
}
