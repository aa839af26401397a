package io.nimbusmq.samples.contract;

/**
 * One step in an order's life; the steps of one order are sent orderly, so {@code step} arrives 1, 2, 3, ...
 *
 * @param step   1-based position of this change in the order's history
 * @param status {@code CREATED}, {@code PAID}, {@code PACKED}, {@code SHIPPED}
 */
public record StatusChange(String orderId, int step, String status) {

    /** {@code orderId:step:status}, the key under which listeners report it. */
    public String key() {
        return orderId + ":" + step + ":" + status;
    }
}
