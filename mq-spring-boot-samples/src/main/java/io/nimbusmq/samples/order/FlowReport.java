package io.nimbusmq.samples.order;

import java.util.List;
import java.util.Map;

import io.nimbusmq.client.producer.LocalTransactionState;
import io.nimbusmq.samples.contract.ShippingQuote;

/**
 * What one run of {@link OrderFlow} did.
 *
 * @param sends        every send, in order
 * @param transactions the local transaction's answer of each transactional send, by order id
 * @param quotes       the replies to the quote requests, by order id
 */
public record FlowReport(FlowPlan plan, List<Send> sends, Map<String, LocalTransactionState> transactions,
        Map<String, ShippingQuote> quotes) {

    /**
     * One send.
     *
     * @param mode    sync, async, one-way, orderly, delay-level, deliver-at, batch, transaction, request-reply
     * @param key     the order, label or status change it carried
     * @param outcome the broker's answer, or the failure
     */
    public record Send(String mode, String destination, String key, boolean ok, String outcome) {
    }

    public List<Send> failures() {
        return sends.stream().filter(send -> !send.ok()).toList();
    }
}
