package io.nimbusmq.benchmark.metrics;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Accounts for every message of one scenario by its id, a sequence number handed out by {@link #nextId()} and carried
 * in the message body: which ids were acknowledged by the broker, which sends failed, which ids a consumer received
 * and how often. Thread-safe; senders and consumer threads report concurrently.
 *
 * <ul>
 * <li><b>lost</b>: acknowledged, never received;</li>
 * <li><b>duplicated</b>: deliveries of an id beyond its first;</li>
 * <li><b>received unacknowledged</b>: received although its send failed or was not answered (a send that timed out
 * on the client but was stored); not a loss, shown for the record;</li>
 * <li><b>unexpected</b>: received ids this ledger never handed out (a message of another run).</li>
 * </ul>
 */
public final class DeliveryLedger {

    /** The default capacity: 256 Mi ids (32 MiB per bit set once full), far beyond any scenario here. */
    public static final long DEFAULT_CAPACITY = 1L << 28;

    private final AtomicLong nextId = new AtomicLong();
    private final ConcurrentBitSet acked;
    private final ConcurrentBitSet received;
    private final LongAdder ackedCount = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder deliveries = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder unexpected = new LongAdder();

    public DeliveryLedger() {
        this(DEFAULT_CAPACITY);
    }

    public DeliveryLedger(long capacity) {
        this.acked = new ConcurrentBitSet(capacity);
        this.received = new ConcurrentBitSet(capacity);
    }

    /** The id of the next message to send; every call counts as one message sent. */
    public long nextId() {
        long id = nextId.getAndIncrement();
        if (id >= acked.capacity()) {
            throw new IllegalStateException("more than " + acked.capacity() + " messages in one scenario");
        }
        return id;
    }

    /** Ids handed out so far. */
    public long sent() {
        return nextId.get();
    }

    /** The broker acknowledged {@code id} (for one-way sends: the client took it without an error). */
    public void acked(long id) {
        if (acked.add(id)) {
            ackedCount.increment();
        }
    }

    /** The send of {@code id} failed (an error or an unsuccessful status after the client's own retries). */
    public void failed(long id) {
        failed.increment();
    }

    /** A consumer received {@code id}; false if it had received it before (a duplicate) or it is unknown. */
    public boolean received(long id) {
        deliveries.increment();
        if (id < 0 || id >= nextId.get()) {
            unexpected.increment();
            return false;
        }
        if (!received.add(id)) {
            duplicates.increment();
            return false;
        }
        return true;
    }

    public long ackedCount() {
        return ackedCount.sum();
    }

    /** Every delivery so far, duplicates and unknown ids included. */
    public long deliveries() {
        return deliveries.sum();
    }

    /** Distinct ids received. */
    public long receivedCount() {
        return deliveries.sum() - duplicates.sum() - unexpected.sum();
    }

    /** True once every acknowledged id was received. */
    public boolean allAckedReceived() {
        return lost() == 0;
    }

    /** Acknowledged ids never received. */
    public long lost() {
        return countWords(true);
    }

    /** Received ids whose send was not acknowledged. */
    public long receivedUnacked() {
        return countWords(false);
    }

    private long countWords(boolean ackedNotReceived) {
        long words = (nextId.get() + 63) >>> 6;
        long count = 0;
        for (long w = 0; w < words; w++) {
            long a = acked.word(w);
            long r = received.word(w);
            count += Long.bitCount(ackedNotReceived ? a & ~r : r & ~a);
        }
        return count;
    }

    public DeliveryCounts counts() {
        return new DeliveryCounts(sent(), ackedCount(), failed.sum(), receivedCount(), lost(), duplicates.sum(),
                receivedUnacked(), unexpected.sum());
    }
}
