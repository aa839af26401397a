package io.nimbusmq.client.internal.consumer;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.nimbusmq.client.ReceivedMessage;
import io.nimbusmq.client.consumer.ConsumeResult;
import io.nimbusmq.client.consumer.ConsumeStatus;
import io.nimbusmq.client.consumer.ConsumerConfig;
import io.nimbusmq.client.consumer.MessageHandler;
import io.nimbusmq.remoting.dispatch.NamedThreadFactory;
import io.nimbusmq.remoting.protocol.body.client.MessageQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands pulled messages to the {@link MessageHandler} on the consumer's pool and commits what finished. The pull loop
 * calls {@link #submit} after adding the messages to the queue's {@link ProcessQueue}.
 */
public interface ConsumeService {

    void submit(MessageQueue queue, ProcessQueue processQueue, List<ReceivedMessage> messages,
            boolean dispatchToConsume);

    /**
     * Sends back the messages of {@code table} consumed for longer than the consume timeout, as the official push
     * consumer's {@code cleanExpireMsg}; nothing by default (orderly consumers never expire a message).
     */
    default void expireOverdue(Map<MessageQueue, ProcessQueue> table) {
    }

    /** Stops taking new work and waits up to {@code timeoutMillis} for running handlers; true if all finished. */
    boolean shutdown(long timeoutMillis);

    /**
     * The handler's verdict, after waiting for the rate limiter (if any); an exception (or null) means RETRY, and so
     * does an interrupt while waiting (shutdown).
     */
    static ConsumeResult invoke(MessageHandler handler, ConsumeRateLimiter limiter, List<ReceivedMessage> messages,
            Logger log) {
        if (limiter != null && !limiter.acquire(messages.size())) {
            return ConsumeResult.of(ConsumeStatus.RETRY);
        }
        try {
            return checked(handler.consume(messages), null, messages, log);
        } catch (RuntimeException | Error e) {
            return checked(null, e, messages, log);
        }
    }

    /**
     * {@link #invoke} for a handler that may answer later ({@link MessageHandler#consumeAsync}); the stage never
     * completes exceptionally.
     */
    static CompletableFuture<ConsumeResult> invokeAsync(MessageHandler handler, ConsumeRateLimiter limiter,
            List<ReceivedMessage> messages, Logger log) {
        if (limiter != null && !limiter.acquire(messages.size())) {
            return CompletableFuture.completedFuture(ConsumeResult.of(ConsumeStatus.RETRY));
        }
        CompletionStage<ConsumeResult> stage;
        try {
            stage = handler.consumeAsync(messages);
        } catch (RuntimeException | Error e) {
            return CompletableFuture.completedFuture(checked(null, e, messages, log));
        }
        if (stage == null) {
            return CompletableFuture.completedFuture(ConsumeResult.of(ConsumeStatus.RETRY));
        }
        return stage.toCompletableFuture().handle((result, failure) -> checked(result, failure, messages, log));
    }

    /** The verdict to apply: RETRY for none or a failure, a whole-batch verdict for an index out of the batch. */
    private static ConsumeResult checked(ConsumeResult result, Throwable failure, List<ReceivedMessage> messages,
            Logger log) {
        if (failure != null) {
            log.warn("Message handler failed on {} message(s), first {}: {}", messages.size(),
                    messages.get(0).msgId(), failure.toString());
            return ConsumeResult.of(ConsumeStatus.RETRY);
        }
        if (result == null) {
            return ConsumeResult.of(ConsumeStatus.RETRY);
        }
        if (result.failedIndex() >= messages.size()) {
            log.warn("Message handler named message {} of a batch of {} as failed; the verdict {} applies to all",
                    result.failedIndex(), messages.size(), result.status());
            return ConsumeResult.of(result.status());
        }
        return result;
    }

    /**
     * {@code consumeThreads} handler threads: virtual ones when the config asks and the JVM has them (Java 21+),
     * else platform threads; either way at most {@code consumeThreads} handlers run at once.
     */
    static ThreadPoolExecutor pool(ConsumerConfig config) {
        String prefix = "nimbus-consume-" + config.group();
        ThreadFactory threads = new NamedThreadFactory(prefix, true);
        if (config.virtualThreads()) {
            Optional<ThreadFactory> virtual = VirtualThreads.factory(prefix);
            if (virtual.isPresent()) {
                threads = virtual.get();
            } else {
                LoggerFactory.getLogger(ConsumeService.class).info("Consumer group {} asked for virtual threads, "
                        + "which Java {} does not have (21+ does); it consumes on platform threads", config.group(),
                        Runtime.version().feature());
            }
        }
        return new ThreadPoolExecutor(config.consumeThreads(), config.consumeThreads(), 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), threads);
    }

    static boolean awaitPool(ExecutorService pool, long timeoutMillis) {
        pool.shutdown();
        try {
            if (pool.awaitTermination(timeoutMillis, TimeUnit.MILLISECONDS)) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pool.shutdownNow();
        LoggerFactory.getLogger(ConsumeService.class).warn("Consume pool did not drain within {} ms", timeoutMillis);
        return false;
    }
}
