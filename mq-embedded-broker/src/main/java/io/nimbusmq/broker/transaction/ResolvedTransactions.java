package io.nimbusmq.broker.transaction;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The transactions resolved recently (bounded, oldest forgotten first), so that one transaction is committed at most
 * once even when its resolutions race: a producer's late END_TRANSACTION and its answer to a check name different
 * copies of the same half message, and RocketMQ would store the message twice. Whoever claims a transaction id first
 * resolves it; later resolutions only record that their copy is done.
 *
 * <p>In memory only: across a restart the op queue is what prevents a second resolution, as in RocketMQ.
 * Thread-safe.
 */
final class ResolvedTransactions {

    static final int DEFAULT_CAPACITY = 65_536;

    private final Map<String, Integer> recent;

    ResolvedTransactions(int capacity) {
        this.recent = new LinkedHashMap<>(1024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
                return size() > capacity;
            }
        };
    }

    ResolvedTransactions() {
        this(DEFAULT_CAPACITY);
    }

    /**
     * Claims {@code transactionId} for a resolution of {@code type}.
     *
     * @return null if the claim succeeded; else the type of the resolution that claimed it earlier
     */
    synchronized Integer claim(String transactionId, int type) {
        return recent.putIfAbsent(transactionId, type);
    }

    /** Gives up a claim whose resolution failed, so that a later one may succeed. */
    synchronized void release(String transactionId, int type) {
        recent.remove(transactionId, type);
    }

    synchronized boolean contains(String transactionId) {
        return recent.containsKey(transactionId);
    }
}
