package io.nimbusmq.spring.annotation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

import io.nimbusmq.client.Message;
import io.nimbusmq.client.producer.LocalTransactionState;
import io.nimbusmq.spring.FakeMqClient;
import io.nimbusmq.spring.annotation.scanned.ScannedBilling;
import io.nimbusmq.spring.annotation.scanned.ScannedShipping;
import io.nimbusmq.spring.annotation.scanned.ScannedTransactions;
import io.nimbusmq.spring.autoconfigure.MqAutoConfiguration;
import io.nimbusmq.spring.core.MqTemplate;

/** {@code @TransactionListener} and class-level {@code @MessageListener} alone make a scanned class a bean. */
class ListenerAnnotationScanningTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, MqAutoConfiguration.class))
            .withPropertyValues("mq.name-server=127.0.0.1:9876", "mq.listener.startup=REFRESH")
            .withBean(FakeMqClient.class, FakeMqClient::new)
            .withUserConfiguration(Scan.class);

    @Test
    void scannedListenerClassesBecomeBeansAndRun() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(ScannedShipping.class).hasSingleBean(ScannedTransactions.class)
                    .hasSingleBean(ScannedBilling.class);
            FakeMqClient client = context.getBean(FakeMqClient.class);
            assertThat(client.consumers()).containsOnlyKeys("scanned-shipping", "scanned-billing");

            client.consumers().get("scanned-shipping").deliver(client.received(
                    new Message("scanned-orders", "o-1".getBytes(StandardCharsets.UTF_8))));
            assertThat(context.getBean(ScannedShipping.class).received).containsExactly("o-1");

            assertThat(context.getBean(MqTemplate.class).sendInTransaction("scanned-payments", "p-1", null)
                    .localState()).isEqualTo(LocalTransactionState.COMMIT_MESSAGE);
        });
    }

    @Configuration(proxyBeanMethods = false)
    @ComponentScan(basePackageClasses = ScannedShipping.class)
    static class Scan {
    }
}
