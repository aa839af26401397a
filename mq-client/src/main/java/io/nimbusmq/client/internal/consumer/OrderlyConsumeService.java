package io.nimbusmq.client.internal.consumer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.nimbusmq.client.ReceivedMessage;
import io.nimbusmq.client.consumer.ConsumeResult;
import io.nimbusmq.client.consumer.ConsumeStatus;
import io.nimbusmq.remoting.protocol.body.client.MessageQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ORDERLY: at most one task per queue at a time, consuming in offset order and, in CLUSTERING, only while this client
 * holds the broker's lock on the queue. A RETRY puts the messages back and suspends the queue for
 * {@code suspendCurrentQueueTime}; past the max reconsume times (unbounded by default), or at once on DEAD_LETTER, the
 * message is dead-lettered ({@link SendBack#deadLetter}) and the queue moves on.
 */
final class OrderlyConsumeService implements ConsumeService {

    private static final Logger log = LoggerFactory.getLogger(OrderlyConsumeService.class);
    private static final long MAX_TIME_CONSUME_CONTINUOUSLY_MILLIS = 60_000;

    private final ConsumerContext context;
    private final QueueLocks locks;
    private final ThreadPoolExecutor pool;
    private final ConsumeRateLimiter limiter;
    private final Map<MessageQueue, Object> queueMonitors = new ConcurrentHashMap<>();
    private volatile boolean stopped;

    OrderlyConsumeService(ConsumerContext context, QueueLocks locks) {
        this.context = context;
        this.locks = locks;
        this.pool = ConsumeService.pool(context.config());
        this.limiter = ConsumeRateLimiter.of(context.config().consumeRateLimit());
    }

    int maxReconsumeTimes() {
        int configured = context.config().maxReconsumeTimes();
        return configured < 0 ? Integer.MAX_VALUE : configured;
    }

    @Override
    public void submit(MessageQueue queue, ProcessQueue processQueue, List<ReceivedMessage> messages,
            boolean dispatchToConsume) {
        if (dispatchToConsume) {
            execute(queue, processQueue);
        }
    }

    private void execute(MessageQueue queue, ProcessQueue processQueue) {
        if (stopped) {
            return;
        }
        try {
            pool.execute(() -> consume(queue, processQueue));
        } catch (RejectedExecutionException e) {
            log.debug("Consume pool of {} is shut down", context.group());
        }
    }

    private void later(MessageQueue queue, ProcessQueue processQueue, long delayMillis, boolean relock) {
        context.services().scheduler().schedule(() -> context.services().workers().execute(() -> {
            if (relock && context.clustering() && !processQueue.isDropped()) {
                locks.lock(queue, processQueue);
            }
            execute(queue, processQueue);
        }), delayMillis, TimeUnit.MILLISECONDS);
    }

    private void consume(MessageQueue queue, ProcessQueue processQueue) {
        if (processQueue.isDropped()) {
            return;
        }
        Object monitor = queueMonitors.computeIfAbsent(queue, q -> new Object());
        synchronized (monitor) {
            long started = System.currentTimeMillis();
            while (!processQueue.isDropped()) {
                long now = System.currentTimeMillis();
                if (context.clustering() && (!processQueue.isLocked() || processQueue.isLockExpired(now))) {
                    later(queue, processQueue, 100, true);
                    return;
                }
                if (now - started > MAX_TIME_CONSUME_CONTINUOUSLY_MILLIS) {
                    later(queue, processQueue, 10, false);
                    return;
                }
                List<ReceivedMessage> messages = processQueue.take(context.config().consumeBatchSize());
                if (messages.isEmpty()) {
                    return;
                }
                ConsumeResult result;
                processQueue.consumeLock().lock();
                try {
                    if (processQueue.isDropped()) {
                        return;
                    }
                    result = ConsumeService.invoke(context.handler(), limiter, messages, log);
                } finally {
                    processQueue.consumeLock().unlock();
                }
                if (!afterConsume(queue, processQueue, messages, result)) {
                    return;
                }
            }
        }
    }

    /**
     * Commits or suspends; returns whether to go on consuming this queue now. The messages before a part-way failure
     * are committed; the failed one is retried (its reconsume count raised) or dead-lettered, and the ones after it
     * are consumed again unchanged.
     */
    private boolean afterConsume(MessageQueue queue, ProcessQueue processQueue, List<ReceivedMessage> messages,
            ConsumeResult result) {
        long commitOffset = -1;
        boolean goOn = true;
        if (result.status() == ConsumeStatus.SUCCESS) {
            commitOffset = processQueue.commit();
        } else {
            List<ReceivedMessage> again = new ArrayList<>();
            boolean suspend = false;
            for (int i = result.firstUnfinished(); i < messages.size(); i++) {
                ReceivedMessage message = messages.get(i);
                if (result.partWay() && i > result.failedIndex()) {
                    again.add(message);
                    continue;
                }
                boolean giveUp = result.statusOf(i) == ConsumeStatus.DEAD_LETTER
                        || message.reconsumeTimes() >= maxReconsumeTimes();
                if (giveUp && context.sendBack().deadLetter(message, maxReconsumeTimes())) {
                    continue;
                }
                again.add(ReceivedMessages.withReconsumeTimes(message, message.reconsumeTimes() + 1));
                suspend = true;
            }
            processQueue.consumeAgain(again);
            // what stays taken precedes everything put back, except after a whole-batch failure
            if (again.isEmpty() || result.partWay()) {
                commitOffset = processQueue.commit();
            }
            if (suspend) {
                later(queue, processQueue, context.config().suspendCurrentQueueTime().toMillis(), false);
                goOn = false;
            }
        }
        if (commitOffset >= 0 && !processQueue.isDropped()) {
            context.offsets().update(queue, commitOffset, false);
        }
        return goOn;
    }

    @Override
    public boolean shutdown(long timeoutMillis) {
        stopped = true;
        return ConsumeService.awaitPool(pool, timeoutMillis);
    }
}
