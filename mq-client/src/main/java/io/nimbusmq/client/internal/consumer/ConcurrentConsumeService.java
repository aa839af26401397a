package io.nimbusmq.client.internal.consumer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.nimbusmq.client.ReceivedMessage;
import io.nimbusmq.client.consumer.ConsumeResult;
import io.nimbusmq.client.consumer.ConsumeStatus;
import io.nimbusmq.remoting.protocol.body.client.MessageQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CONCURRENTLY: batches of {@code consumeBatchSize} messages on a pool of {@code consumeThreads}, in no order,
 * spaced by the rate limit if there is one. A handler that answers later ({@link
 * io.nimbusmq.client.consumer.MessageHandler#consumeAsync}) gives its thread back meanwhile; its verdict is applied
 * on the pool when it comes. A RETRY sends each message back (CLUSTERING; BROADCASTING only logs) with
 * the config's retry delay level, a DEAD_LETTER sends it to the dead-letter topic at once; a batch that failed
 * part-way ({@link ConsumeResult#failedIndex()}) only hands back the failed message and those after it. A message
 * that cannot be handed back is consumed again here 5 s later. The committed offset only moves past messages that
 * finished.
 *
 * <p>Every {@code consumeTimeout} ({@link #expireOverdue}), as the official {@code ProcessQueue.cleanExpiredMsg}: per
 * queue, up to 16 times, the first message whose handler call started more than {@code consumeTimeout} ago is sent
 * back with delay level 3 and removed, so that the committed offset moves on. The call goes on; when it ends, its
 * verdict is applied as usual (a RETRY sends the message back once more).
 */
final class ConcurrentConsumeService implements ConsumeService {

    private static final Logger log = LoggerFactory.getLogger(ConcurrentConsumeService.class);
    private static final int DEFAULT_MAX_RECONSUME_TIMES = 16;
    private static final long LOCAL_RETRY_DELAY_MILLIS = 5_000;
    private static final int EXPIRE_PER_QUEUE = 16;
    private static final int EXPIRED_DELAY_LEVEL = 3;

    private final ConsumerContext context;
    private final ThreadPoolExecutor pool;
    private final ConsumeRateLimiter limiter;
    /** Asynchronous verdicts not yet handed to the pool. */
    private final Set<CompletableFuture<Void>> pending = ConcurrentHashMap.newKeySet();

    ConcurrentConsumeService(ConsumerContext context) {
        this.context = context;
        this.pool = ConsumeService.pool(context.config());
        this.limiter = ConsumeRateLimiter.of(context.config().consumeRateLimit());
    }

    @Override
    public void submit(MessageQueue queue, ProcessQueue processQueue, List<ReceivedMessage> messages,
            boolean dispatchToConsume) {
        int batch = context.config().consumeBatchSize();
        for (int from = 0; from < messages.size(); from += batch) {
            List<ReceivedMessage> part = List.copyOf(messages.subList(from, Math.min(messages.size(), from + batch)));
            try {
                pool.execute(() -> consume(queue, processQueue, part));
            } catch (RejectedExecutionException e) {
                log.debug("Consume pool of {} is shut down; {} message(s) will be redelivered", context.group(),
                        part.size());
                return;
            }
        }
    }

    int maxReconsumeTimes() {
        int configured = context.config().maxReconsumeTimes();
        return configured < 0 ? DEFAULT_MAX_RECONSUME_TIMES : configured;
    }

    private void consume(MessageQueue queue, ProcessQueue processQueue, List<ReceivedMessage> messages) {
        if (processQueue.isDropped()) {
            return;
        }
        processQueue.consumeStarted(messages, System.currentTimeMillis());
        CompletableFuture<ConsumeResult> verdict = ConsumeService.invokeAsync(context.handler(), limiter, messages,
                log);
        if (verdict.isDone()) {
            finish(queue, processQueue, messages, verdict.join());
            return;
        }
        // an asynchronous verdict: this thread goes back to the pool, the verdict is applied on it later
        CompletableFuture<Void> handedOver = verdict.thenAccept(result -> {
            try {
                pool.execute(() -> finish(queue, processQueue, messages, result));
            } catch (RejectedExecutionException e) {
                log.debug("Consume pool of {} is shut down; {} message(s) finished late will be redelivered",
                        context.group(), messages.size());
            }
        });
        pending.add(handedOver);
        handedOver.whenComplete((ignored, failure) -> pending.remove(handedOver));
    }

    /** Applies the handler's verdict: sends back what failed and commits past what finished. */
    private void finish(MessageQueue queue, ProcessQueue processQueue, List<ReceivedMessage> messages,
            ConsumeResult result) {
        if (processQueue.isDropped()) {
            return;
        }
        List<ReceivedMessage> failed = new ArrayList<>();
        if (result.status() != ConsumeStatus.SUCCESS) {
            if (context.clustering()) {
                for (int i = result.firstUnfinished(); i < messages.size(); i++) {
                    ReceivedMessage message = messages.get(i);
                    boolean handedBack = result.statusOf(i) == ConsumeStatus.DEAD_LETTER
                            ? context.sendBack().deadLetterNow(message, maxReconsumeTimes())
                            : context.sendBack().sendBack(message, maxReconsumeTimes(),
                                    context.config().retryDelayLevel(message.reconsumeTimes()));
                    if (!handedBack) {
                        failed.add(ReceivedMessages.withReconsumeTimes(message, message.reconsumeTimes() + 1));
                    }
                }
            } else {
                log.warn("BROADCASTING consumer {} drops {} failed message(s), first {}", context.group(),
                        messages.size() - result.firstUnfinished(), messages.get(result.firstUnfinished()).msgId());
            }
        }
        List<ReceivedMessage> done = new ArrayList<>(messages);
        done.removeIf(m -> failed.stream().anyMatch(f -> f.queueOffset() == m.queueOffset()));
        long offset = processQueue.remove(done);
        if (offset >= 0 && !processQueue.isDropped()) {
            context.offsets().update(queue, offset, true);
        }
        if (!failed.isEmpty()) {
            context.services().scheduler().schedule(() -> submit(queue, processQueue, failed, true),
                    LOCAL_RETRY_DELAY_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void expireOverdue(Map<MessageQueue, ProcessQueue> table) {
        if (!context.clustering()) {
            return;
        }
        long timeoutMillis = context.config().consumeTimeout().toMillis();
        table.forEach((queue, processQueue) -> {
            for (int i = 0; i < EXPIRE_PER_QUEUE && !processQueue.isDropped(); i++) {
                ReceivedMessage overdue = processQueue.firstOverdue(System.currentTimeMillis(), timeoutMillis);
                if (overdue == null || !context.sendBack().sendBack(overdue, maxReconsumeTimes(),
                        EXPIRED_DELAY_LEVEL)) {
                    return;
                }
                log.info("Consumer {} sent back {} (queue {}, offset {}): consumed for longer than {} ms",
                        context.group(), overdue.msgId(), queue, overdue.queueOffset(), timeoutMillis);
                long offset = processQueue.removeIfFirst(overdue);
                if (offset >= 0 && !processQueue.isDropped()) {
                    context.offsets().update(queue, offset, true);
                }
            }
        });
    }

    /** Waits for pending asynchronous verdicts, then for the pool, within {@code timeoutMillis} in all. */
    @Override
    public boolean shutdown(long timeoutMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        boolean answered = true;
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(timeoutMillis,
                    TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            answered = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answered = false;
        }
        long left = Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
        return ConsumeService.awaitPool(pool, left) && answered;
    }
}
