package io.nimbusmq.benchmark.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.nimbusmq.benchmark.metrics.DeliveryLedger;
import org.junit.jupiter.api.Test;

class DrainTests {

    @Test
    void completesOnceEveryAckedMessageArrivedAndDeliveriesStopped() throws Exception {
        DeliveryLedger ledger = new DeliveryLedger();
        for (int i = 0; i < 10; i++) {
            ledger.acked(ledger.nextId());
        }
        Thread consumer = new Thread(() -> {
            for (long id = 0; id < 10; id++) {
                ledger.received(id);
            }
        });
        consumer.start();

        assertThat(Drain.awaitComplete(ledger, Duration.ofSeconds(30))).isTrue();
        consumer.join();
        assertThat(ledger.counts().clean()).isTrue();
    }

    @Test
    void timesOutWhileAnAckedMessageIsMissing() throws Exception {
        DeliveryLedger ledger = new DeliveryLedger();
        ledger.acked(ledger.nextId());
        ledger.acked(ledger.nextId());
        ledger.received(0);

        assertThat(Drain.awaitComplete(ledger, Duration.ofMillis(300))).isFalse();
        assertThat(ledger.lost()).isEqualTo(1);
    }

    @Test
    void givesLargeBacklogsMoreTime() {
        assertThat(Drain.timeoutFor(1_000_000)).isGreaterThan(Drain.timeoutFor(1_000));
        assertThat(Drain.timeoutFor(0)).isEqualTo(Duration.ofSeconds(60));
    }
}
