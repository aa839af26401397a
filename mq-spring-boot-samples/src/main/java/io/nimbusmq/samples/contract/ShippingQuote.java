package io.nimbusmq.samples.contract;

/** The logistics service's answer to a {@link QuoteRequest}. */
public record ShippingQuote(String orderId, String carrier, int priceCents, int days) {
}
