package io.nimbusmq.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;

import io.nimbusmq.spring.FakeMqClient;
import io.nimbusmq.spring.annotation.MessageListener;

/** A Spring Boot application whose listeners share a consumer group does not start, and says why. */
@ExtendWith(OutputCaptureExtension.class)
class ConsumerGroupConflictStartupTests {

    @Test
    void theStartupFailureReportNamesBothListenersAndTheFix(CapturedOutput output) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
                .properties("mq.name-server=127.0.0.1:9876").run()).hasRootCauseMessage(rootMessage());
        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("Consumer group 'payments' is used by two listeners")
                .contains("topic payments TAG 'card'").contains("topic refunds TAG '*'")
                .contains("Set a distinct consumerGroup on each @MessageListener");
    }

    private static String rootMessage() {
        return "Consumer group 'payments' is used by two listeners: listeners#cards (topic payments TAG 'card' "
                + "CLUSTERING) and listeners#refunds (topic refunds TAG '*' CLUSTERING). Members of a group must "
                + "subscribe identically, or messages are lost in the rebalance. Give each listener its own "
                + "consumerGroup.";
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        @Bean
        FakeMqClient fakeMqClient() {
            return new FakeMqClient();
        }

        @Bean
        Listeners listeners() {
            return new Listeners();
        }
    }

    static class Listeners {
        @MessageListener(topic = "payments", consumerGroup = "payments", selectorExpression = "card")
        void cards(String body) {
        }

        @MessageListener(topic = "refunds", consumerGroup = "payments")
        void refunds(String body) {
        }
    }
}
