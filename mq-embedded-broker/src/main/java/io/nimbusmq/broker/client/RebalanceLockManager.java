package io.nimbusmq.broker.client;

import io.nimbusmq.remoting.protocol.body.client.MessageQueue;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Orderly consumers' queue locks, for LOCK_BATCH_MQ (41) and UNLOCK_BATCH_MQ (42) (remoting-protocol.md §4.7).
 *
 * <p>A lock covers one (consumer group, topic, queue id) and is held by one client id. It lapses
 * {@code lockExpiryMillis} (60 s by default) after its last renewal; clients renew every 20 s by locking again. An
 * expired lock may be taken by any client; an unexpired one only renewed by its holder. The broker name in a
 * {@link MessageQueue} is not part of the key: this broker serves one name.
 *
 * <p>Timestamps are passed in (epoch milliseconds), so tests need no clock. Thread-safe: every call holds the
 * manager's monitor, which is cheap at the rate clients lock (every 20 s per orderly consumer).
 */
public final class RebalanceLockManager {

    /** How long a lock lives after its last renewal, as in RocketMQ. */
    public static final long DEFAULT_LOCK_EXPIRY_MILLIS = 60_000;

    private static final Logger log = LoggerFactory.getLogger(RebalanceLockManager.class);

    private final long lockExpiryMillis;
    private final Map<String, Map<QueueKey, LockEntry>> locksByGroup = new HashMap<>();

    public RebalanceLockManager(long lockExpiryMillis) {
        if (lockExpiryMillis <= 0) {
            throw new IllegalArgumentException("lockExpiryMillis must be positive, got " + lockExpiryMillis);
        }
        this.lockExpiryMillis = lockExpiryMillis;
    }

    public RebalanceLockManager() {
        this(DEFAULT_LOCK_EXPIRY_MILLIS);
    }

    public long lockExpiryMillis() {
        return lockExpiryMillis;
    }

    /**
     * Locks or renews each of {@code queues} for {@code clientId}: a queue that is free, expired, or already held by
     * this client is (re)locked as of {@code nowMillis}; one held by another client is left alone.
     *
     * @return the requested queues this client now holds, in request order
     */
    public synchronized Set<MessageQueue> tryLockBatch(String group, Collection<MessageQueue> queues,
                                                       String clientId, long nowMillis) {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(clientId, "clientId");
        Map<QueueKey, LockEntry> locks = locksByGroup.computeIfAbsent(group, name -> new HashMap<>());
        Set<MessageQueue> held = new LinkedHashSet<>();
        for (MessageQueue queue : queues) {
            QueueKey key = QueueKey.of(queue);
            LockEntry current = locks.get(key);
            if (current == null || current.clientId().equals(clientId) || current.isExpired(nowMillis,
                    lockExpiryMillis)) {
                if (current != null && !current.clientId().equals(clientId)) {
                    log.info("Client {} takes the expired lock of {} on {} in group {}", clientId,
                            current.clientId(), queue, group);
                }
                locks.put(key, new LockEntry(clientId, nowMillis));
                held.add(queue);
            }
        }
        if (locks.isEmpty()) {
            locksByGroup.remove(group);
        }
        return held;
    }

    /**
     * Releases those of {@code queues} that {@code clientId} holds, expired or not; others' locks stay.
     *
     * @return the queues released
     */
    public synchronized Set<MessageQueue> unlockBatch(String group, Collection<MessageQueue> queues,
                                                      String clientId) {
        Map<QueueKey, LockEntry> locks = locksByGroup.get(group);
        Set<MessageQueue> released = new LinkedHashSet<>();
        if (locks == null || clientId == null) {
            return released;
        }
        for (MessageQueue queue : queues) {
            QueueKey key = QueueKey.of(queue);
            LockEntry current = locks.get(key);
            if (current != null && current.clientId().equals(clientId)) {
                locks.remove(key);
                released.add(queue);
            }
        }
        if (locks.isEmpty()) {
            locksByGroup.remove(group);
        }
        return released;
    }

    /** Whether some client holds an unexpired lock on {@code queue} in {@code group}. */
    public synchronized boolean isLocked(String group, MessageQueue queue, long nowMillis) {
        return lockHolder(group, queue, nowMillis).isPresent();
    }

    /** The client holding an unexpired lock on {@code queue} in {@code group}. */
    public synchronized Optional<String> lockHolder(String group, MessageQueue queue, long nowMillis) {
        Map<QueueKey, LockEntry> locks = locksByGroup.get(group);
        LockEntry entry = locks == null ? null : locks.get(QueueKey.of(queue));
        if (entry == null || entry.isExpired(nowMillis, lockExpiryMillis)) {
            return Optional.empty();
        }
        return Optional.of(entry.clientId());
    }

    /**
     * Whether {@code group} holds any unexpired lock, i.e. consumes orderly; its retry sends then go straight to the
     * dead-letter queue (remoting-protocol.md §4.1 step 5).
     */
    public synchronized boolean hasUnexpiredLocks(String group, long nowMillis) {
        Map<QueueKey, LockEntry> locks = locksByGroup.get(group);
        return locks != null && locks.values().stream().anyMatch(entry -> !entry.isExpired(nowMillis,
                lockExpiryMillis));
    }

    /**
     * Forgets expired locks, so that the table does not keep queues nobody locks any more.
     *
     * @return how many were removed
     */
    public synchronized int removeExpired(long nowMillis) {
        int removed = 0;
        for (Iterator<Map<QueueKey, LockEntry>> groups = locksByGroup.values().iterator(); groups.hasNext(); ) {
            Map<QueueKey, LockEntry> locks = groups.next();
            int before = locks.size();
            locks.values().removeIf(entry -> entry.isExpired(nowMillis, lockExpiryMillis));
            removed += before - locks.size();
            if (locks.isEmpty()) {
                groups.remove();
            }
        }
        return removed;
    }

    /** A lock's key within a group. */
    private record QueueKey(String topic, int queueId) {

        static QueueKey of(MessageQueue queue) {
            return new QueueKey(queue.topic(), queue.queueId());
        }
    }

    /** Who holds a lock and when they last renewed it. */
    private record LockEntry(String clientId, long lastRenewMillis) {

        boolean isExpired(long nowMillis, long expiryMillis) {
            return nowMillis - lastRenewMillis > expiryMillis;
        }
    }
}
