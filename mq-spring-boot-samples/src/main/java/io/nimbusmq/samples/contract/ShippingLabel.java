package io.nimbusmq.samples.contract;

/** A shipping label to print; a run's labels are sent as one batch. */
public record ShippingLabel(String labelId, String orderId, String carrier) {
}
