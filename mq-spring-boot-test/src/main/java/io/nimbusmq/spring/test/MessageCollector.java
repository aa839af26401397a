package io.nimbusmq.spring.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Collects what a test listener receives and lets the test wait for it, without sleeping:
 *
 * <pre>{@code
 * @Bean MessageCollector<OrderDto> orders() { return new MessageCollector<>(); }
 *
 * @MessageListener(topic = "orders", consumerGroup = "test-orders")
 * void on(OrderDto order) { orders.add(order); }
 *
 * List<OrderDto> got = orders.awaitCount(3, Duration.ofSeconds(30));
 * }</pre>
 */
public final class MessageCollector<T> {

    private final List<T> received = new ArrayList<>();

    public synchronized void add(T message) {
        received.add(message);
        notifyAll();
    }

    /** A copy of everything received so far, in arrival order. */
    public synchronized List<T> received() {
        return List.copyOf(received);
    }

    public synchronized int size() {
        return received.size();
    }

    public synchronized void clear() {
        received.clear();
    }

    /** Waits until at least {@code count} messages arrived; returns them all. */
    public List<T> awaitCount(int count, Duration timeout) {
        return awaitUntil(messages -> messages.size() >= count, timeout,
                () -> "expected at least " + count + " messages");
    }

    /** Waits for a message matching {@code condition}; returns it. */
    public T awaitMatch(Predicate<? super T> condition, Duration timeout) {
        List<T> messages = awaitUntil(all -> all.stream().anyMatch(condition), timeout,
                () -> "expected a matching message");
        return messages.stream().filter(condition).findFirst().orElseThrow();
    }

    private synchronized List<T> awaitUntil(Predicate<List<T>> done, Duration timeout,
            java.util.function.Supplier<String> expectation) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.test(received)) {
            long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
            if (remainingMillis <= 0) {
                throw new AssertionError(expectation.get() + " within " + timeout + ", got " + received.size()
                        + ": " + received);
            }
            try {
                wait(remainingMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for messages", e);
            }
        }
        return List.copyOf(received);
    }
}
