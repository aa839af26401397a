/**
 * The order service: sends with every send mode of the starter's template ({@link io.nimbusmq.samples.order.OrderFlow})
 * and runs the local transaction of paid orders against its orders table
 * ({@link io.nimbusmq.samples.order.OrderTransactions}).
 */
package io.nimbusmq.samples.order;
