package io.nimbusmq.spring.core;

import java.util.List;

/**
 * A listener that takes up to {@link io.nimbusmq.spring.annotation.MessageListener#batchSize()} messages of one queue
 * at a time. An exception retries the whole batch.
 */
@FunctionalInterface
public interface MqBatchListener<T> {

    void onMessages(List<T> messages);
}
