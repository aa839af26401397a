package io.nimbusmq.samples.contract;

/**
 * A reminder delivered later than it was sent.
 *
 * @param kind        {@link Topics#TAG_PAYMENT} or {@link Topics#TAG_PICKUP}
 * @param dueAtMillis when it should arrive (epoch milliseconds), for the receiver to print how early or late it was
 */
public record Reminder(String orderId, String kind, long dueAtMillis) {

    public String key() {
        return orderId + ":" + kind;
    }
}
