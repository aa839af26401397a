package io.nimbusmq.client.internal.consumer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import io.nimbusmq.client.ReceivedMessage;

/**
 * The messages of one assigned queue that were pulled but are not finished, by queue offset. The pull loop adds, the
 * consume threads remove; the smallest offset still here is what may be committed (nothing at or after it is done).
 *
 * <p>Concurrent consumption records when each message's handler call started ({@link #consumeStarted}), so that a
 * message consumed for longer than the consume timeout can be expired ({@link #firstOverdue}, {@link #removeIfFirst});
 * these times are kept without an allocation per message ({@link ConsumeStartTimes}).
 * Orderly consumption also moves messages to a "consuming" map while the handler has them, and keeps the broker
 * lock state. All methods are thread-safe (one monitor); {@link #consumeLock()} is held by an orderly handler call so
 * that a rebalance does not unlock the queue in the middle of it.
 */
public final class ProcessQueue {

    /** A lock older than this is not trusted (the broker expires them at 60 s). */
    static final long LOCK_MAX_LIVE_MILLIS = 30_000;

    private final TreeMap<Long, ReceivedMessage> messages = new TreeMap<>();
    private final TreeMap<Long, ReceivedMessage> consuming = new TreeMap<>();
    private final ConsumeStartTimes consumeStartMillis = new ConsumeStartTimes();
    private final ReentrantLock consumeLock = new ReentrantLock();
    private long bodyBytes;
    private long maxOffset = -1;
    private boolean orderlyConsuming;
    private volatile boolean dropped;
    private volatile boolean locked;
    private volatile long lastLockMillis;
    private final AtomicLong pullsSent = new AtomicLong();
    private final AtomicLong pullsAnswered = new AtomicLong();
    private final AtomicLong pullsPutOff = new AtomicLong();

    /**
     * How this queue's pull chain went so far: pulls sent, pulls answered (with anything, or failed), and pulls put
     * off by a timer (flow control, errors, pause) rather than sent at once.
     */
    public record PullCounts(long sent, long answered, long putOff) {

        /** Pulls out at the broker now (held there while the queue has nothing new). */
        public long outstanding() {
            return sent - answered;
        }
    }

    /**
     * Adds pulled messages.
     *
     * @return for orderly consumption, whether a consume task should be started (none is running)
     */
    public synchronized boolean put(List<ReceivedMessage> pulled) {
        for (ReceivedMessage message : pulled) {
            if (messages.putIfAbsent(message.queueOffset(), message) == null) {
                bodyBytes += message.body().length;
            }
            maxOffset = Math.max(maxOffset, message.queueOffset());
        }
        if (!messages.isEmpty() && !orderlyConsuming) {
            orderlyConsuming = true;
            return true;
        }
        return false;
    }

    /**
     * Removes finished messages (concurrent consumption).
     *
     * @return the offset to commit: the smallest one left, or the largest seen + 1 when none is left; -1 if nothing
     *     was ever added
     */
    public synchronized long remove(List<ReceivedMessage> finished) {
        if (maxOffset < 0) {
            return -1;
        }
        for (ReceivedMessage message : finished) {
            ReceivedMessage removed = messages.remove(message.queueOffset());
            consumeStartMillis.remove(message.queueOffset());
            if (removed != null) {
                bodyBytes -= removed.body().length;
            }
        }
        return messages.isEmpty() ? maxOffset + 1 : messages.firstKey();
    }

    /** Concurrent: the handler call of {@code batch} starts now (the messages still here). */
    public synchronized void consumeStarted(List<ReceivedMessage> batch, long nowMillis) {
        for (ReceivedMessage message : batch) {
            if (messages.containsKey(message.queueOffset())) {
                consumeStartMillis.put(message.queueOffset(), nowMillis);
            }
        }
    }

    /**
     * Concurrent: the first (smallest offset) message when its handler call started more than {@code timeoutMillis}
     * ago, else {@code null} (also when it has not started: it waits in the pool, which is no fault of the handler).
     */
    public synchronized ReceivedMessage firstOverdue(long nowMillis, long timeoutMillis) {
        if (messages.isEmpty()) {
            return null;
        }
        Map.Entry<Long, ReceivedMessage> first = messages.firstEntry();
        long started = consumeStartMillis.get(first.getKey());
        return started != ConsumeStartTimes.NONE && nowMillis - started > timeoutMillis ? first.getValue() : null;
    }

    /**
     * Concurrent: removes {@code message} when it is still the first one (an expired message sent back).
     *
     * @return the offset to commit then, as {@link #remove}; -1 when it was not the first
     */
    public synchronized long removeIfFirst(ReceivedMessage message) {
        if (messages.isEmpty() || messages.firstKey() != message.queueOffset()) {
            return -1;
        }
        return remove(List.of(message));
    }

    /** Orderly: moves up to {@code count} of the first messages to the consuming map; none ends the consume task. */
    public synchronized List<ReceivedMessage> take(int count) {
        List<ReceivedMessage> taken = new ArrayList<>();
        while (taken.size() < count && !messages.isEmpty()) {
            Map.Entry<Long, ReceivedMessage> first = messages.pollFirstEntry();
            consuming.put(first.getKey(), first.getValue());
            taken.add(first.getValue());
        }
        if (taken.isEmpty()) {
            orderlyConsuming = false;
        }
        return taken;
    }

    /** Orderly: the consuming messages are done; returns the offset to commit, or -1 when there were none. */
    public synchronized long commit() {
        if (consuming.isEmpty()) {
            return -1;
        }
        long next = consuming.lastKey() + 1;
        for (ReceivedMessage message : consuming.values()) {
            bodyBytes -= message.body().length;
        }
        consuming.clear();
        return next;
    }

    /** Orderly: puts the consuming messages back (replaced by {@code again}, e.g. with a higher reconsume count). */
    public synchronized void consumeAgain(List<ReceivedMessage> again) {
        for (ReceivedMessage message : again) {
            consuming.remove(message.queueOffset());
            messages.put(message.queueOffset(), message);
        }
    }

    /** Whether the message at {@code queueOffset} waits or is being consumed (not finished). */
    public synchronized boolean holds(long queueOffset) {
        return messages.containsKey(queueOffset) || consuming.containsKey(queueOffset);
    }

    /** Messages waiting or being consumed. */
    public synchronized int count() {
        return messages.size() + consuming.size();
    }

    public synchronized long bodyBytes() {
        return bodyBytes;
    }

    /** The offset distance between the first and last waiting message (concurrent flow control). */
    public synchronized long span() {
        return messages.isEmpty() ? 0 : messages.lastKey() - messages.firstKey();
    }

    public synchronized void clear() {
        messages.clear();
        consuming.clear();
        consumeStartMillis.clear();
        bodyBytes = 0;
    }

    void pullSent() {
        pullsSent.incrementAndGet();
    }

    void pullAnswered() {
        pullsAnswered.incrementAndGet();
    }

    void pullPutOff() {
        pullsPutOff.incrementAndGet();
    }

    public PullCounts pullCounts() {
        return new PullCounts(pullsSent.get(), pullsAnswered.get(), pullsPutOff.get());
    }

    public ReentrantLock consumeLock() {
        return consumeLock;
    }

    public boolean isDropped() {
        return dropped;
    }

    public void drop() {
        dropped = true;
    }

    public boolean isLocked() {
        return locked;
    }

    public void setLocked(boolean value, long nowMillis) {
        locked = value;
        if (value) {
            lastLockMillis = nowMillis;
        }
    }

    public boolean isLockExpired(long nowMillis) {
        return nowMillis - lastLockMillis > LOCK_MAX_LIVE_MILLIS;
    }
}
