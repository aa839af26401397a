package io.nimbusmq.client.internal.consumer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.nimbusmq.client.ReceivedMessage;
import io.nimbusmq.client.consumer.ConsumeStatus;
import io.nimbusmq.client.consumer.ConsumerConfig;
import io.nimbusmq.client.consumer.MessageHandler;
import io.nimbusmq.client.consumer.PullConsumer;
import io.nimbusmq.client.consumer.PullConsumerConfig;
import io.nimbusmq.remoting.protocol.body.client.MessageQueue;

/**
 * Our {@link PullConsumer}, on a {@link ClientPushConsumer} whose handler hands each batch over and waits: a batch is
 * a {@link Handoff} that {@link #poll} takes, and its handler call returns (so the push consumer commits its offsets)
 * only when the application commits it. Pulling, rebalancing, flow control, seeks and offset commits are the push
 * consumer's; the number of consume threads bounds the batches that wait.
 *
 * <p>Closing, seeking and rebalancing drop a queue's process queue first, so that batches released afterwards commit
 * nothing and are pulled again from the committed offset.
 */
public final class ClientPullConsumer implements PullConsumer {

    /** One batch on its way to the application: the handler call waits for {@code committed}. */
    private record Handoff(List<ReceivedMessage> messages, CompletableFuture<ConsumeStatus> committed) {
    }

    private static final long COMMIT_CHECK_MILLIS = 5;

    private final PullConsumerConfig config;
    private final ClientPushConsumer consumer;
    private final BlockingQueue<Handoff> arrived = new LinkedBlockingQueue<>();
    private final List<Handoff> polled = new ArrayList<>();
    private volatile boolean closed;
    /** Batches told SUCCESS whose messages may still be unfinished in their process queues; guarded by polled. */
    private final List<Handoff> committing = new ArrayList<>();

    /**
     * Polled batches wait for the application's commit as long as it takes (as with the official lite-pull
     * consumer): they are not expired after a consume timeout.
     */
    private static final Duration NEVER_EXPIRE = Duration.ofMillis(Long.MAX_VALUE);

    /** @param consumerFactory makes the push consumer (registered with the client) from its config and handler */
    public ClientPullConsumer(PullConsumerConfig config,
            Function<ConsumerConfig, Function<MessageHandler, ClientPushConsumer>> consumerFactory) {
        this.config = config;
        ConsumerConfig c = config.consumer();
        ConsumerConfig pushConfig = new ConsumerConfig(c.group(), c.subscriptions(), c.messageModel(),
                c.consumeMode(), c.consumeFromWhere(), c.maxReconsumeTimes(), c.consumeThreads(), c.pullBatchSize(),
                c.pullBatchSize(), c.pullThresholdForQueue(), c.pullThresholdSizeForQueueMiB(),
                c.rebalanceInterval(), c.persistOffsetInterval(), c.suspendCurrentQueueTime(),
                c.shutdownDrainTimeout(), c.offsetStoreDir(), c.offsetStoreName(), c.consumeTimestamp(),
                c.retryDelayLevels(), c.pullInterval(), c.consumeRateLimit(), c.virtualThreads(),
                NEVER_EXPIRE);
        this.consumer = consumerFactory.apply(pushConfig).apply(this::handOver);
        if (!config.assignedQueues().isEmpty()) {
            consumer.assignFixed(config.assignedQueues());
        }
    }

    /** Waits for the application's commit; after {@link #close} only calls of dropped process queues come here. */
    private ConsumeStatus handOver(List<ReceivedMessage> messages) {
        if (closed) {
            return ConsumeStatus.RETRY;
        }
        Handoff handoff = new Handoff(messages, new CompletableFuture<>());
        arrived.add(handoff);
        try {
            return handoff.committed().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ConsumeStatus.RETRY;
        } catch (ExecutionException e) {
            return ConsumeStatus.RETRY;
        }
    }

    @Override
    public void start() {
        consumer.start();
    }

    @Override
    public PullConsumerConfig config() {
        return config;
    }

    @Override
    public List<ReceivedMessage> poll(Duration timeout) {
        if (config.autoCommit()) {
            commit();
        }
        List<Handoff> taken = new ArrayList<>();
        try {
            Handoff first = arrived.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (first == null) {
                return List.of();
            }
            taken.add(first);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
        arrived.drainTo(taken);
        List<ReceivedMessage> messages = new ArrayList<>();
        synchronized (polled) {
            polled.addAll(taken);
        }
        taken.forEach(handoff -> messages.addAll(handoff.messages()));
        return messages;
    }

    @Override
    public void commit() {
        synchronized (polled) {
            committing.removeIf(handoff -> !consumer.holdsAny(handoff.messages()));
            polled.forEach(handoff -> {
                if (handoff.committed().complete(ConsumeStatus.SUCCESS)) {
                    committing.add(handoff);
                }
            });
            polled.clear();
        }
    }

    /**
     * Waits until the consume threads finished the committed batches in their process queues (checked every
     * {@value #COMMIT_CHECK_MILLIS} ms: a consume thread signals nothing after its handler returns), so that closing
     * does not undo their commit.
     */
    private void awaitCommitted(long deadlineNanos) {
        synchronized (polled) {
            while (committing.stream().anyMatch(handoff -> consumer.holdsAny(handoff.messages()))
                    && System.nanoTime() < deadlineNanos) {
                try {
                    polled.wait(COMMIT_CHECK_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            committing.clear();
        }
    }

    @Override
    public List<MessageQueue> assignment() {
        return consumer.assignment();
    }

    /** Seeks drop what waits for the moved queues: it is pulled again from the new offset. */
    @Override
    public void seek(MessageQueue queue, long queueOffset) {
        consumer.seek(queue, queueOffset);
        discardArrived(List.of(queue));
    }

    @Override
    public void seekToBeginning(Collection<MessageQueue> queues) {
        consumer.seekToBeginning(queues);
        discardArrived(queues);
    }

    @Override
    public void seekToEnd(Collection<MessageQueue> queues) {
        consumer.seekToEnd(queues);
        discardArrived(queues);
    }

    @Override
    public void seekToTimestamp(Collection<MessageQueue> queues, Instant time) {
        consumer.seekToTimestamp(queues, time);
        discardArrived(queues);
    }

    /** Releases the waiting batches of {@code queues} (their process queues are dropped: nothing is committed). */
    private void discardArrived(Collection<MessageQueue> queues) {
        List<Handoff> waiting = new ArrayList<>();
        arrived.drainTo(waiting);
        for (Handoff handoff : waiting) {
            ReceivedMessage first = handoff.messages().get(0);
            boolean moved = queues.stream().anyMatch(q -> q.topic().equals(first.topic())
                    && q.brokerName().equals(first.brokerName()) && q.queueId() == first.queueId());
            if (moved) {
                handoff.committed().complete(ConsumeStatus.RETRY);
            } else {
                arrived.add(handoff);
            }
        }
    }

    @Override
    public void close() {
        // paused: nothing more reaches the handler but what the pool already holds, which the drop below stops
        consumer.pause();
        if (config.autoCommit()) {
            commit();
        }
        awaitCommitted(System.nanoTime() + config.consumer().shutdownDrainTimeout().toNanos());
        consumer.abandonUnfinished();
        closed = true;
        synchronized (polled) {
            polled.forEach(handoff -> handoff.committed().complete(ConsumeStatus.RETRY));
            polled.clear();
        }
        List<Handoff> waiting = new ArrayList<>();
        arrived.drainTo(waiting);
        waiting.forEach(handoff -> handoff.committed().complete(ConsumeStatus.RETRY));
        consumer.close();
        arrived.forEach(handoff -> handoff.committed().complete(ConsumeStatus.RETRY));
    }
}
