/**
 * The logistics service, one listener per listener mode: clustering concurrent with a TAG selector
 * ({@link io.nimbusmq.samples.logistics.ShipmentListener}), SQL92
 * ({@link io.nimbusmq.samples.logistics.PriorityShipmentListener}), orderly
 * ({@link io.nimbusmq.samples.logistics.TrackingListener}), broadcast
 * ({@link io.nimbusmq.samples.logistics.StatusBoardListener}), delayed messages
 * ({@link io.nimbusmq.samples.logistics.ReminderListener}), batch
 * ({@link io.nimbusmq.samples.logistics.LabelBatchListener}), request-reply
 * ({@link io.nimbusmq.samples.logistics.ShippingQuoteListener}), transactional messages
 * ({@link io.nimbusmq.samples.logistics.WarehouseListener}), retry then dead letter
 * ({@link io.nimbusmq.samples.logistics.CustomsListener}, {@link io.nimbusmq.samples.logistics.DeadLetterListener}).
 */
package io.nimbusmq.samples.logistics;
