package io.nimbusmq.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

import io.nimbusmq.client.consumer.ConsumerConfig;
import io.nimbusmq.spring.listener.MessageListenerContainerRegistry;

/**
 * Runs the payments service ported from rocketmq-spring as it ships ({@code payments.yml}, its embedded development
 * broker): what the rocketmq-spring version did, it does, with the same listener settings.
 */
@SpringBootTest(classes = PaymentsApplication.class,
        properties = {"spring.config.name=" + PaymentsApplication.CONFIG_NAME,
            "mq.consumer.consume-from-where=CONSUME_FROM_FIRST_OFFSET",
            "mq.embedded.topics=payments,risk-checks,payment-reminders"})
@DirtiesContext
class PaymentsApplicationIntegrationTests {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    PaymentPublisher publisher;

    @Autowired
    Ledger ledger;

    @Autowired
    MessageListenerContainerRegistry listeners;

    @Test
    void thePortedServiceSettlesRemindsAndAnswersRiskChecks() {
        publisher.capture(new Payment("p-1", new BigDecimal("25.00")));
        publisher.refund(new Payment("p-1", new BigDecimal("25.00")));
        publisher.remind(new Payment("p-2", BigDecimal.TEN), Duration.ofSeconds(1));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(ledger.entries()).contains(
                "captured p-1 25.00", "refunded p-1 25.00", "reminded p-2"));

        assertThat(publisher.riskCheck(new Payment("p-3", new BigDecimal("20")))).isEqualTo("approved");
        assertThat(publisher.riskCheck(new Payment("p-4", new BigDecimal("5000")))).isEqualTo("review");
    }

    @Test
    void theRocketMqSpringListenerSettingsCameAcross() {
        await().atMost(PATIENCE).until(() -> listeners.container("payments-settlement") != null);
        ConsumerConfig settlement = listeners.container("payments-settlement").config();
        assertThat(settlement.consumeThreads()).isEqualTo(4);
        assertThat(settlement.maxReconsumeTimes()).isEqualTo(3);
        assertThat(settlement.retryDelayLevels()).containsExactly(2);
        assertThat(settlement.pullInterval()).isEqualTo(Duration.ofMillis(100));
        assertThat(listeners.container("payments-settlement").endpoint().settings().consumeTimeout())
                .isEqualTo(Duration.ofMinutes(1));
    }
}
