package io.nimbusmq.samples.logistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

import io.nimbusmq.samples.contract.Order;
import io.nimbusmq.samples.contract.QuoteRequest;
import io.nimbusmq.samples.contract.Reminder;
import io.nimbusmq.samples.contract.ShippingLabel;
import io.nimbusmq.samples.contract.ShippingQuote;
import io.nimbusmq.samples.contract.StatusChange;
import io.nimbusmq.samples.contract.Topics;
import io.nimbusmq.spring.core.MqTemplate;
import io.nimbusmq.spring.core.SendOptions;
import io.nimbusmq.spring.test.EmbeddedMq;

/**
 * Starts the logistics service as it ships ({@code logistics.yml}) against an embedded broker and plays the order
 * service with the template: each listener mode receives what it should, and nothing else.
 */
@SpringBootTest(classes = LogisticsServiceApplication.class,
        properties = {"spring.config.name=" + LogisticsServiceApplication.CONFIG_NAME,
            "mq.consumer.offset-store-dir=target/broadcast-offsets/${random.uuid}"})
@EmbeddedMq(topics = {Topics.ORDERS, Topics.ORDER_STATUS, Topics.REMINDERS, Topics.SHIPPING_LABELS,
    Topics.PAID_ORDERS, Topics.SHIPPING_QUOTES, Topics.CUSTOMS_DEAD_LETTERS})
@DirtiesContext
class LogisticsServiceApplicationIntegrationTests {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    MqTemplate template;

    @Autowired
    LogisticsJournal journal;

    String run;

    @BeforeEach
    void newRun() {
        run = "t" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void tagAndSql92SelectorsPickTheirOrders() throws InterruptedException {
        Order euLarge = order(1, "EU", 250);
        Order euSmall = order(2, "EU", 40);
        Order usLarge = order(3, "US", 300);
        for (Order order : List.of(euLarge, euSmall, usLarge)) {
            template.syncSend(Topics.ORDERS + ":" + Topics.TAG_CREATED, order, properties(order));
        }
        Order customs = order(4, "CH", 500);   // SQL92 ignores tags: an EU order above 100 would match
        template.syncSend(Topics.ORDERS + ":" + Topics.TAG_CUSTOMS, customs, properties(customs));

        awaitKeys(ShipmentListener.NAME, Set.of(euLarge.id(), euSmall.id(), usLarge.id()));
        awaitKeys(PriorityShipmentListener.NAME, Set.of(euLarge.id()));
        awaitKeys(CustomsListener.NAME, Set.of(customs.id() + "#1"));
        assertThat(journal.keys(ShipmentListener.NAME, run)).doesNotContain(customs.id());
        assertThat(journal.keys(PriorityShipmentListener.NAME, run)).containsExactly(euLarge.id());
    }

    @Test
    void aFailingListenerIsRetriedOnceThenItsMessageIsDeadLettered() throws InterruptedException {
        Order customs = order(1, "CH", 320);
        template.syncSend(Topics.ORDERS + ":" + Topics.TAG_CUSTOMS, customs, properties(customs));

        awaitKeys(DeadLetterListener.NAME, Set.of(customs.id()));
        assertThat(journal.keys(CustomsListener.NAME, run)).containsExactly(customs.id() + "#1", customs.id() + "#2");
    }

    @Test
    void statusChangesAreTrackedInOrderAndBroadcastToTheBoard() throws InterruptedException {
        List<StatusChange> changes = List.of(new StatusChange(run + "-1", 1, "CREATED"),
                new StatusChange(run + "-2", 1, "CREATED"), new StatusChange(run + "-1", 2, "PAID"),
                new StatusChange(run + "-1", 3, "PACKED"), new StatusChange(run + "-2", 2, "PAID"),
                new StatusChange(run + "-1", 4, "SHIPPED"));
        for (StatusChange change : changes) {
            template.syncSend(Topics.ORDER_STATUS, change, SendOptions.orderly(change.orderId()));
        }
        Set<String> keys = changes.stream().map(StatusChange::key).collect(Collectors.toSet());

        awaitKeys(TrackingListener.NAME, keys);
        awaitKeys(StatusBoardListener.NAME, keys);
        List<LogisticsJournal.Receipt> tracked = journal.receipts().stream()
                .filter(r -> r.listener().equals(TrackingListener.NAME) && r.key().startsWith(run)).toList();
        assertThat(tracked).noneMatch(r -> r.detail().contains("OUT OF ORDER"));
        for (String orderId : List.of(run + "-1", run + "-2")) {
            assertThat(tracked.stream().map(LogisticsJournal.Receipt::key).filter(k -> k.startsWith(orderId + ":"))
                    .map(k -> Integer.parseInt(k.split(":")[1])).toList()).isSorted();
        }
    }

    @Test
    void remindersArriveAfterTheirDelayNeverBefore() throws InterruptedException {
        long sentAt = System.currentTimeMillis();
        Reminder payment = new Reminder(run + "-1", Topics.TAG_PAYMENT, sentAt + 1_000);
        Reminder pickup = new Reminder(run + "-2", Topics.TAG_PICKUP, sentAt + 3_000);
        template.syncSend(Topics.REMINDERS + ":" + Topics.TAG_PAYMENT, payment, SendOptions.delayLevel(1));
        template.syncSend(Topics.REMINDERS + ":" + Topics.TAG_PICKUP, pickup,
                SendOptions.deliverAt(Instant.ofEpochMilli(pickup.dueAtMillis())));

        awaitKeys(ReminderListener.NAME, Set.of(payment.key(), pickup.key()));
        for (LogisticsJournal.Receipt receipt : journal.receipts()) {
            if (receipt.key().equals(payment.key())) {
                assertThat(receipt.atMillis()).isGreaterThanOrEqualTo(sentAt + 1_000);
            } else if (receipt.key().equals(pickup.key())) {
                assertThat(receipt.atMillis()).isGreaterThanOrEqualTo(pickup.dueAtMillis());
            }
        }
    }

    @Test
    void aBatchOfLabelsArrivesAndQuotesAreAnswered() throws InterruptedException {
        List<ShippingLabel> labels = List.of(new ShippingLabel(run + "-L1", run + "-1", "DHL"),
                new ShippingLabel(run + "-L2", run + "-2", "UPS"));
        template.syncSendBatch(Topics.SHIPPING_LABELS, labels);

        ShippingQuote quote = template.sendAndReceiveAsync(Topics.SHIPPING_QUOTES,
                new QuoteRequest(run + "-1", "EU", 2_500), ShippingQuote.class,
                SendOptions.none().replyTimeout(PATIENCE)).join();

        assertThat(quote).isEqualTo(new ShippingQuote(run + "-1", "DHL", 490 + 2 * 80, 2));
        awaitKeys(LabelBatchListener.NAME, Set.of(run + "-L1", run + "-L2"));
    }

    @Test
    void paidOrdersReachTheWarehouse() throws InterruptedException {
        Order paid = order(1, "EU", 120);
        template.syncSend(Topics.PAID_ORDERS, paid);

        awaitKeys(WarehouseListener.NAME, Set.of(paid.id()));
    }

    private Order order(int n, String region, int amount) {
        return new Order(run + "-" + n, "customer-" + n, region, amount, "item-" + n);
    }

    private static SendOptions properties(Order order) {
        return SendOptions.none().keys(order.id()).header(Topics.PROPERTY_REGION, order.region())
                .header(Topics.PROPERTY_AMOUNT, order.amount());
    }

    private void awaitKeys(String listener, Set<String> keys) throws InterruptedException {
        boolean arrived = journal.awaitUntil(j -> j.keys(listener, run).containsAll(keys), PATIENCE);
        assertThat(journal.keys(listener, run)).as("%s received (arrived: %s)", listener, arrived).containsAll(keys);
    }
}
