package io.nimbusmq.samples.logistics;

import org.springframework.stereotype.Component;

import io.nimbusmq.samples.contract.QuoteRequest;
import io.nimbusmq.samples.contract.ShippingQuote;
import io.nimbusmq.samples.contract.Topics;
import io.nimbusmq.spring.annotation.MessageListener;
import io.nimbusmq.spring.core.MqReplyListener;

/** Request-reply: answers a quote request; the returned quote travels back to the requester. */
@Component
@MessageListener(topic = Topics.SHIPPING_QUOTES, consumerGroup = "logistics-quotes")
public class ShippingQuoteListener implements MqReplyListener<QuoteRequest, ShippingQuote> {

    public static final String NAME = "quotes";

    private final LogisticsJournal journal;

    public ShippingQuoteListener(LogisticsJournal journal) {
        this.journal = journal;
    }

    @Override
    public ShippingQuote onMessage(QuoteRequest request) {
        boolean domestic = "EU".equals(request.region());
        int priceCents = (domestic ? 490 : 1290) + request.weightGrams() / 1000 * (domestic ? 80 : 150);
        ShippingQuote quote = new ShippingQuote(request.orderId(), domestic ? "DHL" : "UPS", priceCents,
                domestic ? 2 : 5);
        journal.record(NAME, request.orderId(), "replying " + quote);
        return quote;
    }
}
