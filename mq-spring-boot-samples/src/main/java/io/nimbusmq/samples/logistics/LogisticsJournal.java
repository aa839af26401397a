package io.nimbusmq.samples.logistics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What the listeners received, in arrival order: each listener reports here, which prints the receipt with a
 * {@code [logistics]} prefix. The demo and the tests read it to check that everything arrived.
 */
@Component
public class LogisticsJournal {

    /**
     * One message handled by one listener.
     *
     * @param listener the listener's short name, e.g. {@code shipments}
     * @param key      what it was about: an order id, {@code orderId:step:status}, a label id, ...
     */
    public record Receipt(String listener, String key, String detail, long atMillis) {
    }

    private static final Logger log = LoggerFactory.getLogger(LogisticsJournal.class);

    private final List<Receipt> receipts = new ArrayList<>();

    public void record(String listener, String key, String detail) {
        synchronized (this) {
            receipts.add(new Receipt(listener, key, detail, System.currentTimeMillis()));
            notifyAll();
        }
        log.info("[logistics] {} <- {}: {}", String.format("%-12s", listener), key, detail);
    }

    public synchronized List<Receipt> receipts() {
        return List.copyOf(receipts);
    }

    /** The keys {@code listener} received whose key starts with {@code prefix} (a run id), without duplicates. */
    public synchronized Set<String> keys(String listener, String prefix) {
        Set<String> keys = new LinkedHashSet<>();
        for (Receipt receipt : receipts) {
            if (receipt.listener().equals(listener) && receipt.key().startsWith(prefix)) {
                keys.add(receipt.key());
            }
        }
        return keys;
    }

    /**
     * Waits until {@code done} holds for this journal, or {@code timeout} passed.
     *
     * @return whether it holds
     */
    public synchronized boolean awaitUntil(Predicate<LogisticsJournal> done, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.test(this)) {
            long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
            if (remainingMillis <= 0) {
                return false;
            }
            wait(remainingMillis);
        }
        return true;
    }
}
