package io.nimbusmq.samples.contract;

/**
 * An order, as the order service publishes it (JSON).
 *
 * @param id     the order id, also the message key and the orderly hash key
 * @param region {@code EU}, {@code US}, ...
 * @param amount in whole euros
 */
public record Order(String id, String customer, String region, int amount, String item) {
}
