package io.nimbusmq.samples.contract;

import io.nimbusmq.message.SystemTopics;

/**
 * The topics the order service sends to and the logistics service consumes, and the tags on them. In a real system
 * this contract is a shared schema or a small API jar; here both applications read it from this package.
 */
public final class Topics {

    /** Order events, tagged {@link #TAG_CREATED} or {@link #TAG_CUSTOMS}, with the user properties of {@link Order}. */
    public static final String ORDERS = "orders";
    public static final String TAG_CREATED = "created";
    public static final String TAG_CUSTOMS = "customs";

    /** The status changes of each order, sent orderly by order id. */
    public static final String ORDER_STATUS = "order-status";

    /** Reminders delivered later: by delay level ({@link #TAG_PAYMENT}) or at a given time ({@link #TAG_PICKUP}). */
    public static final String REMINDERS = "reminders";
    public static final String TAG_PAYMENT = "payment";
    public static final String TAG_PICKUP = "pickup";

    /** Shipping labels, sent as one batch. */
    public static final String SHIPPING_LABELS = "shipping-labels";

    /** Paid orders, sent in a transaction with the order service's write to its orders table. */
    public static final String PAID_ORDERS = "paid-orders";

    /** Shipping-quote requests; the logistics service replies with a {@link ShippingQuote}. */
    public static final String SHIPPING_QUOTES = "shipping-quotes";

    /** The consumer group whose failures end up in {@link #CUSTOMS_DEAD_LETTERS}. */
    public static final String CUSTOMS_GROUP = "logistics-customs";

    /** Where the broker puts what {@link #CUSTOMS_GROUP} gave up on. */
    public static final String CUSTOMS_DEAD_LETTERS = SystemTopics.DLQ_GROUP_TOPIC_PREFIX + CUSTOMS_GROUP;

    /** Every topic of the samples, for brokers that do not create topics on first use. */
    public static final String[] ALL = {ORDERS, ORDER_STATUS, REMINDERS, SHIPPING_LABELS, PAID_ORDERS,
        SHIPPING_QUOTES, CUSTOMS_DEAD_LETTERS};

    /** User properties set on {@link #ORDERS} messages, for SQL92 selectors. */
    public static final String PROPERTY_REGION = "region";
    public static final String PROPERTY_AMOUNT = "amount";

    private Topics() {
    }
}
