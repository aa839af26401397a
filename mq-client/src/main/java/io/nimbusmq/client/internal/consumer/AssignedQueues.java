package io.nimbusmq.client.internal.consumer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.nimbusmq.client.MqClientException;
import io.nimbusmq.client.consumer.ConsumeMode;
import io.nimbusmq.client.consumer.ConsumerConfig;
import io.nimbusmq.client.consumer.QueueAssignmentListener;
import io.nimbusmq.client.internal.NamespaceNames;
import io.nimbusmq.client.internal.offset.OffsetStore;
import io.nimbusmq.message.SystemTopics;
import io.nimbusmq.remoting.protocol.body.client.MessageQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The queues one push consumer holds, each with its {@link ProcessQueue}, and every change to them: a rebalance's
 * {@link #update} (new queues start at the offset §8.3 gives unless the {@link QueueAssignmentListener} seeks them
 * elsewhere before their first pull; revoked ones commit and, orderly, unlock), and a seek's {@link #restartAt}.
 * Changes are made under the consumer's rebalance monitor; the table itself is read by any thread.
 */
final class AssignedQueues {

    private static final Logger log = LoggerFactory.getLogger(AssignedQueues.class);

    private final Map<MessageQueue, ProcessQueue> table = new ConcurrentHashMap<>();
    private final ConsumerContext context;
    private final ConsumerConfig config;
    private final OffsetStore offsets;
    private final QueueLocks locks;
    private final PullService pulls;
    private final StartOffsets startOffsets;
    private final NamespaceNames names;
    private final String appGroup;
    private volatile QueueAssignmentListener assignmentListener;

    /** @param appGroup the group as the application named it (for messages and the listener's seeker) */
    AssignedQueues(ConsumerContext context, QueueLocks locks, PullService pulls, StartOffsets startOffsets,
            String appGroup) {
        this.context = context;
        this.config = context.config();
        this.offsets = context.offsets();
        this.locks = locks;
        this.pulls = pulls;
        this.startOffsets = startOffsets;
        this.names = context.services().names();
        this.appGroup = appGroup;
    }

    /** The held queues (wire names) and their process queues. */
    Map<MessageQueue, ProcessQueue> table() {
        return table;
    }

    void setAssignmentListener(QueueAssignmentListener listener) {
        this.assignmentListener = listener;
    }

    /**
     * A running consumer's seek: the queue's process queue is dropped (what it pulled is not handed over, its
     * handler calls in progress commit nothing), the offset is committed, and a new pull chain starts there.
     */
    void restartAt(MessageQueue queue, long queueOffset) {
        ProcessQueue old = table.get(queue);
        if (old == null) {
            throw new IllegalStateException("consumer " + appGroup + " no longer holds " + names.unwrap(queue));
        }
        old.drop();
        ProcessQueue fresh = new ProcessQueue();
        fresh.setLocked(old.isLocked(), System.currentTimeMillis());
        offsets.update(queue, queueOffset, false);
        offsets.persist(queue);
        table.put(queue, fresh);
        log.info("Consumer {} seeks {} to offset {}", config.group(), queue, queueOffset);
        pulls.start(queue, fresh, queueOffset);
    }

    /** Makes {@code assigned} the held queues of {@code topic}: revoked ones go, new ones start being pulled. */
    void update(String topic, Set<MessageQueue> assigned) {
        List<MessageQueue> revoked = new ArrayList<>();
        for (Map.Entry<MessageQueue, ProcessQueue> entry : Map.copyOf(table).entrySet()) {
            if (entry.getKey().topic().equals(topic) && !assigned.contains(entry.getKey())) {
                removeQueue(entry.getKey(), entry.getValue());
                revoked.add(entry.getKey());
            }
        }
        Map<MessageQueue, Long> added = new LinkedHashMap<>();
        for (MessageQueue queue : assigned.stream().sorted().toList()) {
            if (!table.containsKey(queue)) {
                long offset = addQueue(queue);
                if (offset >= 0) {
                    added.put(queue, offset);
                }
            }
        }
        tellAssignment(topic, revoked, added);
        added.forEach((queue, offset) -> {
            log.debug("Consumer {} takes {} from offset {}", config.group(), queue, offset);
            pulls.start(queue, table.get(queue), offset);
        });
    }

    /** The assignment listener learns the change (retry queues left out); its seeks set where new queues start. */
    private void tellAssignment(String topic, List<MessageQueue> revoked, Map<MessageQueue, Long> added) {
        QueueAssignmentListener listener = assignmentListener;
        if (listener == null || SystemTopics.isRetryTopic(topic)) {
            return;
        }
        try {
            if (!revoked.isEmpty()) {
                listener.onQueuesRevoked(revoked.stream().map(names::unwrap).toList());
            }
            if (!added.isEmpty()) {
                listener.onQueuesAssigned(added.keySet().stream().map(names::unwrap).toList(), new SeekTargets(
                        appGroup, names, startOffsets, added::containsKey, (queue, offset) -> {
                            offsets.update(queue, offset, false);
                            offsets.persist(queue);
                            added.put(queue, offset);
                        }));
            }
        } catch (RuntimeException e) {
            log.warn("Assignment listener of consumer {} failed", config.group(), e);
        }
    }

    /** Takes {@code queue}: returns where it starts, or -1 when it cannot be taken now (it is pulled by the caller). */
    private long addQueue(MessageQueue queue) {
        ProcessQueue processQueue = new ProcessQueue();
        if (config.consumeMode() == ConsumeMode.ORDERLY && context.clustering() && !locks.lock(queue, processQueue)) {
            log.debug("Queue {} is locked by another member of {}; trying again at the next rebalance", queue,
                    config.group());
            return -1;
        }
        long offset;
        try {
            offsets.remove(queue);
            offset = startOffsets.compute(queue);
        } catch (MqClientException e) {
            log.warn("Cannot find where to start {} for {}: {}", queue, config.group(), e.getMessage());
            if (config.consumeMode() == ConsumeMode.ORDERLY && context.clustering()) {
                locks.unlock(queue, true);
            }
            return -1;
        }
        table.put(queue, processQueue);
        return offset;
    }

    private void removeQueue(MessageQueue queue, ProcessQueue processQueue) {
        processQueue.drop();
        table.remove(queue);
        offsets.persist(queue);
        offsets.remove(queue);
        if (config.consumeMode() == ConsumeMode.ORDERLY && context.clustering()) {
            boolean idle = false;
            try {
                idle = processQueue.consumeLock().tryLock(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try {
                locks.unlock(queue, true);
            } finally {
                if (idle) {
                    processQueue.consumeLock().unlock();
                }
            }
        }
        log.debug("Consumer {} gives up {}", config.group(), queue);
    }
}
