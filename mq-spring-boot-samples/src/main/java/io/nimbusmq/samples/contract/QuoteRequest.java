package io.nimbusmq.samples.contract;

/** A request for a shipping quote (request-reply); the answer is a {@link ShippingQuote}. */
public record QuoteRequest(String orderId, String region, int weightGrams) {
}
