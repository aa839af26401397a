package io.nimbusmq.benchmark.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

class DeliveryLedgerTests {

    @Test
    void everyAckedMessageReceivedOnceIsClean() {
        DeliveryLedger ledger = new DeliveryLedger();
        for (int i = 0; i < 1000; i++) {
            ledger.acked(ledger.nextId());
        }
        for (long id = 0; id < 1000; id++) {
            assertThat(ledger.received(id)).isTrue();
        }

        DeliveryCounts counts = ledger.counts();
        assertThat(counts).isEqualTo(new DeliveryCounts(1000, 1000, 0, 1000, 0, 0, 0, 0));
        assertThat(counts.clean()).isTrue();
        assertThat(ledger.allAckedReceived()).isTrue();
    }

    @Test
    void countsAckedMessagesNeverReceivedAsLost() {
        DeliveryLedger ledger = new DeliveryLedger();
        for (int i = 0; i < 200; i++) {
            ledger.acked(ledger.nextId());
        }
        for (long id = 0; id < 200; id++) {
            if (id != 7 && id != 130) {
                ledger.received(id);
            }
        }

        assertThat(ledger.lost()).isEqualTo(2);
        assertThat(ledger.allAckedReceived()).isFalse();
        assertThat(ledger.counts().clean()).isFalse();
    }

    @Test
    void countsEveryDeliveryBeyondTheFirstAsDuplicate() {
        DeliveryLedger ledger = new DeliveryLedger();
        long id = ledger.nextId();
        ledger.acked(id);

        assertThat(ledger.received(id)).isTrue();
        assertThat(ledger.received(id)).isFalse();
        assertThat(ledger.received(id)).isFalse();

        DeliveryCounts counts = ledger.counts();
        assertThat(counts.received()).isEqualTo(1);
        assertThat(counts.duplicated()).isEqualTo(2);
        assertThat(counts.lost()).isZero();
        assertThat(counts.clean()).isFalse();
    }

    @Test
    void aFailedSendThatArrivesAnywayIsReceivedUnackedNotLost() {
        DeliveryLedger ledger = new DeliveryLedger();
        long stored = ledger.nextId();
        long failedButStored = ledger.nextId();
        long failedForGood = ledger.nextId();
        ledger.acked(stored);
        ledger.failed(failedButStored);
        ledger.failed(failedForGood);
        ledger.received(stored);
        ledger.received(failedButStored);

        DeliveryCounts counts = ledger.counts();
        assertThat(counts).isEqualTo(new DeliveryCounts(3, 1, 2, 2, 0, 0, 1, 0));
        assertThat(counts.clean()).isTrue();
    }

    @Test
    void idsNeverHandedOutAreUnexpected() {
        DeliveryLedger ledger = new DeliveryLedger();
        ledger.acked(ledger.nextId());

        assertThat(ledger.received(5)).isFalse();
        assertThat(ledger.received(-1)).isFalse();

        assertThat(ledger.counts().unexpected()).isEqualTo(2);
        assertThat(ledger.counts().received()).isZero();
        assertThat(ledger.counts().clean()).isFalse();
    }

    @Test
    void ackingTwiceCountsOnce() {
        DeliveryLedger ledger = new DeliveryLedger();
        long id = ledger.nextId();
        ledger.acked(id);
        ledger.acked(id);

        assertThat(ledger.ackedCount()).isEqualTo(1);
    }

    @Test
    void refusesMoreIdsThanItsCapacity() {
        DeliveryLedger ledger = new DeliveryLedger(2);
        ledger.nextId();
        ledger.nextId();

        assertThatThrownBy(ledger::nextId).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void concurrentSendersAndReceiversAcrossChunksAreCountedExactly() throws Exception {
        DeliveryLedger ledger = new DeliveryLedger();
        int threads = 4;
        int perThread = 600_000; // 2.4 M ids: three bit set chunks
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> senders = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                await(start);
                for (int i = 0; i < perThread; i++) {
                    ledger.acked(ledger.nextId());
                }
            });
            senders.add(thread);
            thread.start();
        }
        start.countDown();
        for (Thread thread : senders) {
            thread.join();
        }
        long total = (long) threads * perThread;
        List<Thread> receivers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int offset = t;
            // every receiver walks all ids from a different start: each id arrives 4 times
            Thread thread = new Thread(() -> {
                for (long i = 0; i < total; i++) {
                    ledger.received((i + offset * 1000L) % total);
                }
            });
            receivers.add(thread);
            thread.start();
        }
        for (Thread thread : receivers) {
            thread.join();
        }

        DeliveryCounts counts = ledger.counts();
        assertThat(counts.sent()).isEqualTo(total);
        assertThat(counts.acked()).isEqualTo(total);
        assertThat(counts.received()).isEqualTo(total);
        assertThat(counts.duplicated()).isEqualTo(3 * total);
        assertThat(counts.lost()).isZero();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
