package io.nimbusmq.samples.order;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;

import io.nimbusmq.client.SendResult;
import io.nimbusmq.client.producer.LocalTransactionState;
import io.nimbusmq.client.producer.TransactionSendResult;
import io.nimbusmq.samples.contract.Order;
import io.nimbusmq.samples.contract.QuoteRequest;
import io.nimbusmq.samples.contract.Reminder;
import io.nimbusmq.samples.contract.ShippingLabel;
import io.nimbusmq.samples.contract.ShippingQuote;
import io.nimbusmq.samples.contract.StatusChange;
import io.nimbusmq.samples.contract.Topics;
import io.nimbusmq.spring.core.MqOperations;
import io.nimbusmq.spring.core.SendOptions;
import io.nimbusmq.spring.support.MqHeaders;

/**
 * Sends a {@link FlowPlan} with every send mode of {@link MqOperations}, printing each send with an {@code [order]}
 * prefix. A failed send is reported and the flow goes on.
 */
@Component
public class OrderFlow {

    private static final Logger log = LoggerFactory.getLogger(OrderFlow.class);

    private final MqOperations mq;
    private final Duration pickupDelay;
    private final Duration replyTimeout;

    public OrderFlow(MqOperations mq, @Value("${samples.order.pickup-delay:3s}") Duration pickupDelay,
            @Value("${samples.order.reply-timeout:30s}") Duration replyTimeout) {
        this.mq = mq;
        this.pickupDelay = pickupDelay;
        this.replyTimeout = replyTimeout;
    }

    public FlowReport run(FlowPlan plan) {
        log.info("[order] run {}: sending with every send mode", plan.runId());
        List<FlowReport.Send> sends = Collections.synchronizedList(new ArrayList<>());
        Map<String, LocalTransactionState> transactions = Collections.synchronizedMap(new LinkedHashMap<>());
        Map<String, ShippingQuote> quotes = Collections.synchronizedMap(new LinkedHashMap<>());
        List<CompletableFuture<?>> pending = new ArrayList<>();

        // sync, async and one-way: new orders, with user properties for SQL92 selectors
        send(sends, "sync", Topics.ORDERS + ":" + Topics.TAG_CREATED, plan.syncOrder().id(),
                () -> describe(mq.syncSend(Topics.ORDERS + ":" + Topics.TAG_CREATED, plan.syncOrder(),
                        orderOptions(plan.syncOrder()))));
        pending.add(sendAsync(sends, plan.asyncOrder()));
        send(sends, "one-way", Topics.ORDERS + ":" + Topics.TAG_CREATED, plan.oneWayOrder().id(), () -> {
            mq.sendOneWay(Topics.ORDERS + ":" + Topics.TAG_CREATED, plan.oneWayOrder(),
                    orderOptions(plan.oneWayOrder()));
            return "sent, no answer";
        });
        // an order for the customs listener, which fails: retried once, then dead-lettered
        send(sends, "sync", Topics.ORDERS + ":" + Topics.TAG_CUSTOMS, plan.customsOrder().id(),
                () -> describe(mq.syncSend(Topics.ORDERS + ":" + Topics.TAG_CUSTOMS, plan.customsOrder(),
                        orderOptions(plan.customsOrder()))));

        // delay level and deliver-at
        Reminder payment = new Reminder(plan.paymentDue().id(), Topics.TAG_PAYMENT,
                System.currentTimeMillis() + 1_000);
        send(sends, "delay-level 1", Topics.REMINDERS + ":" + Topics.TAG_PAYMENT, payment.key(),
                () -> describe(mq.syncSend(Topics.REMINDERS + ":" + Topics.TAG_PAYMENT, payment,
                        SendOptions.delayLevel(1).keys(payment.orderId()))));
        Instant pickupAt = Instant.now().plus(pickupDelay);
        Reminder pickup = new Reminder(plan.pickupDue().id(), Topics.TAG_PICKUP, pickupAt.toEpochMilli());
        send(sends, "deliver-at +" + pickupDelay.toSeconds() + "s", Topics.REMINDERS + ":" + Topics.TAG_PICKUP,
                pickup.key(), () -> describe(mq.syncSend(Topics.REMINDERS + ":" + Topics.TAG_PICKUP, pickup,
                        SendOptions.deliverAt(pickupAt).keys(pickup.orderId()))));

        // transactions: commit, rollback (out of stock), and one left to the broker's check-back
        transaction(sends, transactions, plan.committed(), OrderTransactions.Answer.NOW);
        transaction(sends, transactions, plan.rolledBack(), OrderTransactions.Answer.NOW);
        transaction(sends, transactions, plan.checkedBack(), OrderTransactions.Answer.LATER);

        // orderly: each order's status changes go to one queue, in order
        for (StatusChange change : plan.statusChanges()) {
            send(sends, "orderly", Topics.ORDER_STATUS, change.key(), () -> describe(mq.syncSend(
                    Topics.ORDER_STATUS, change, SendOptions.orderly(change.orderId()).keys(change.orderId()))));
        }

        // batch: one request, stored contiguously in one queue
        List<Message<ShippingLabel>> labels = plan.labels().stream()
                .map(label -> MessageBuilder.withPayload(label).setHeader(MqHeaders.KEYS, label.labelId()).build())
                .toList();
        send(sends, "batch of " + labels.size(), Topics.SHIPPING_LABELS,
                String.join(",", plan.labels().stream().map(ShippingLabel::labelId).toList()),
                () -> describe(mq.syncSendBatch(Topics.SHIPPING_LABELS, labels)));

        // request-reply: one blocking, one asynchronous
        for (int i = 0; i < plan.quoteRequests().size(); i++) {
            pending.add(request(sends, quotes, plan.quoteRequests().get(i), i == 0));
        }

        pending.forEach(future -> future.exceptionally(failure -> null).join());
        log.info("[order] run {}: {} sends, {} failed", plan.runId(), sends.size(),
                sends.stream().filter(send -> !send.ok()).count());
        return new FlowReport(plan, List.copyOf(sends), Map.copyOf(transactions), Map.copyOf(quotes));
    }

    private CompletableFuture<?> sendAsync(List<FlowReport.Send> sends, Order order) {
        String destination = Topics.ORDERS + ":" + Topics.TAG_CREATED;
        log.info("[order] async         -> {} {} (sent, answer follows)", destination, order.id());
        return mq.asyncSend(destination, order, orderOptions(order)).whenComplete((result, failure) ->
                record(sends, "async", destination, order.id(), failure == null, failure == null
                        ? describe(result) : failure.toString()));
    }

    private void transaction(List<FlowReport.Send> sends, Map<String, LocalTransactionState> transactions,
            Order order, OrderTransactions.Answer answer) {
        send(sends, "transaction", Topics.PAID_ORDERS, order.id(), () -> {
            Message<Order> message = MessageBuilder.withPayload(order).setHeader(MqHeaders.KEYS, order.id()).build();
            TransactionSendResult result = mq.sendInTransaction(Topics.PAID_ORDERS, message, answer);
            transactions.put(order.id(), result.localState());
            return "half message " + result.sendResult().status() + ", local transaction " + result.localState();
        });
    }

    private CompletableFuture<?> request(List<FlowReport.Send> sends, Map<String, ShippingQuote> quotes,
            QuoteRequest request, boolean blocking) {
        SendOptions options = SendOptions.none().keys(request.orderId()).replyTimeout(replyTimeout);
        if (blocking) {
            send(sends, "request-reply", Topics.SHIPPING_QUOTES, request.orderId(), () -> {
                ShippingQuote quote = mq.sendAndReceiveAsync(Topics.SHIPPING_QUOTES, request, ShippingQuote.class,
                        options).join();
                quotes.put(request.orderId(), quote);
                return "reply " + quote;
            });
            return CompletableFuture.completedFuture(null);
        }
        log.info("[order] request-reply -> {} {} (async, reply follows)", Topics.SHIPPING_QUOTES, request.orderId());
        return mq.sendAndReceiveAsync(Topics.SHIPPING_QUOTES, request, ShippingQuote.class, options)
                .whenComplete((quote, failure) -> {
                    if (failure == null) {
                        quotes.put(request.orderId(), quote);
                    }
                    record(sends, "request-reply async", Topics.SHIPPING_QUOTES, request.orderId(), failure == null,
                            failure == null ? "reply " + quote : failure.toString());
                });
    }

    private void send(List<FlowReport.Send> sends, String mode, String destination, String key,
            Supplier<String> action) {
        try {
            record(sends, mode, destination, key, true, action.get());
        } catch (RuntimeException e) {
            record(sends, mode, destination, key, false, e.toString());
        }
    }

    private static void record(List<FlowReport.Send> sends, String mode, String destination, String key, boolean ok,
            String outcome) {
        sends.add(new FlowReport.Send(mode, destination, key, ok, outcome));
        if (ok) {
            log.info("[order] {} -> {} {}: {}", pad(mode), destination, key, outcome);
        } else {
            log.warn("[order] {} -> {} {} FAILED: {}", pad(mode), destination, key, outcome);
        }
    }

    private static SendOptions orderOptions(Order order) {
        return SendOptions.none().keys(order.id())
                .header(Topics.PROPERTY_REGION, order.region())
                .header(Topics.PROPERTY_AMOUNT, order.amount());
    }

    private static String describe(SendResult result) {
        return result.status() + " msgId " + result.msgId() + " queue " + result.messageQueue().queueId();
    }

    private static String pad(String mode) {
        return String.format("%-13s", mode);
    }
}
