package io.nimbusmq.spring.core;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to send one message, beyond its destination and payload: the hash key of an orderly send, a delay, keys and
 * headers (user properties), a request's reply timeout. Immutable; each {@code with}-style method returns a copy.
 *
 * <pre>{@code
 * template.syncSend("orders:created", order, SendOptions.orderly(order.customerId()).keys(order.id()));
 * template.asyncSend("reminders", reminder, SendOptions.delay(Duration.ofMinutes(10)));
 * template.syncSend("reports", report, SendOptions.deliverAt(Instant.parse("2030-01-01T08:00:00Z")));
 * template.syncSend("audit", event, SendOptions.none().header("region", "eu"));   // SQL92: region = 'eu'
 * }</pre>
 *
 * @param hashKey      messages with the same hash key go to the same queue, in order; null for round-robin
 * @param delayLevel   RocketMQ delay level 1..18 ({@code 1s 5s 10s 30s 1m 2m ... 2h}); 0 for none
 * @param delay        deliver after this long (a 5.x timer message); null for none
 * @param deliverAt    deliver at this instant (a 5.x timer message); null for none
 * @param keys         message keys, indexed by the broker for queries
 * @param headers      user properties, visible to SQL92 selectors (merged with a {@code Message<?>} payload's headers)
 * @param replyTimeout how long a request waits for its reply; null for the template's default
 */
public record SendOptions(String hashKey, int delayLevel, Duration delay, Instant deliverAt, List<String> keys,
        Map<String, Object> headers, Duration replyTimeout) {

    private static final SendOptions NONE = new SendOptions(null, 0, null, null, List.of(), Map.of(), null);

    public SendOptions {
        if (delayLevel < 0) {
            throw new IllegalArgumentException("delay level must be >= 0: " + delayLevel);
        }
        if (delay != null && delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative: " + delay);
        }
        int delays = (delayLevel > 0 ? 1 : 0) + (delay != null ? 1 : 0) + (deliverAt != null ? 1 : 0);
        if (delays > 1) {
            throw new IllegalArgumentException("choose one of delay level, delay and deliver-at");
        }
        keys = List.copyOf(keys);
        headers = Map.copyOf(headers);
    }

    /** No options: a plain round-robin send. */
    public static SendOptions none() {
        return NONE;
    }

    /** An orderly send: same hash key, same queue. */
    public static SendOptions orderly(String hashKey) {
        return NONE.hashKey(hashKey);
    }

    /** Delivered after a RocketMQ delay level (1..18). */
    public static SendOptions delayLevel(int level) {
        return new SendOptions(null, level, null, null, List.of(), Map.of(), null);
    }

    /** Delivered after {@code delay}. */
    public static SendOptions delay(Duration delay) {
        return new SendOptions(null, 0, Objects.requireNonNull(delay, "delay"), null, List.of(), Map.of(), null);
    }

    /** Delivered at {@code instant}. */
    public static SendOptions deliverAt(Instant instant) {
        return new SendOptions(null, 0, null, Objects.requireNonNull(instant, "instant"), List.of(), Map.of(), null);
    }

    public SendOptions hashKey(String value) {
        return new SendOptions(Objects.requireNonNull(value, "hashKey"), delayLevel, delay, deliverAt, keys, headers,
                replyTimeout);
    }

    public SendOptions keys(String... values) {
        return new SendOptions(hashKey, delayLevel, delay, deliverAt, List.of(values), headers, replyTimeout);
    }

    /** Adds a header; it travels as a user property. */
    public SendOptions header(String name, Object value) {
        Map<String, Object> merged = new LinkedHashMap<>(headers);
        merged.put(name, value);
        return new SendOptions(hashKey, delayLevel, delay, deliverAt, keys, merged, replyTimeout);
    }

    public SendOptions headers(Map<String, ?> values) {
        Map<String, Object> merged = new LinkedHashMap<>(headers);
        merged.putAll(values);
        return new SendOptions(hashKey, delayLevel, delay, deliverAt, keys, merged, replyTimeout);
    }

    public SendOptions replyTimeout(Duration value) {
        return new SendOptions(hashKey, delayLevel, delay, deliverAt, keys, headers, value);
    }

    public boolean isOrderly() {
        return hashKey != null;
    }
}
