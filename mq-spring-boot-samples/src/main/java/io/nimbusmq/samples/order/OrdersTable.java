package io.nimbusmq.samples.order;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Repository;

import io.nimbusmq.samples.contract.Order;

/**
 * The order service's own database, reduced to one in-memory table: what a transactional send commits together with
 * its message, and what the broker's check-back reads to learn whether a transaction committed.
 */
@Repository
public class OrdersTable {

    /** Items the warehouse cannot deliver: placing an order for one fails (and its transaction rolls back). */
    public static final Set<String> OUT_OF_STOCK = Set.of("vintage-camera");

    private final Map<String, Order> rows = new ConcurrentHashMap<>();

    /**
     * Inserts a paid order.
     *
     * @throws IllegalStateException when its item is out of stock: nothing is written
     */
    public void insert(Order order) {
        if (OUT_OF_STOCK.contains(order.item())) {
            throw new IllegalStateException(order.item() + " is out of stock");
        }
        rows.put(order.id(), order);
    }

    public Optional<Order> find(String orderId) {
        return Optional.ofNullable(rows.get(orderId));
    }

    public boolean contains(String orderId) {
        return rows.containsKey(orderId);
    }
}
