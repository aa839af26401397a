package io.nimbusmq.spring.annotation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.nimbusmq.client.consumer.SelectorType;
import io.nimbusmq.spring.FakeMqClient;
import io.nimbusmq.spring.autoconfigure.InvalidSelectorFailureAnalyzer;
import io.nimbusmq.spring.autoconfigure.MqAutoConfiguration;
import io.nimbusmq.spring.listener.InvalidSelectorException;

/** An invalid SQL92 selector fails the start when the listener registers, with the expression and the column. */
class SelectorValidationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MqAutoConfiguration.class))
            .withPropertyValues("mq.name-server=127.0.0.1:9876", "mq.listener.startup=MANUAL")
            .withBean(FakeMqClient.class, FakeMqClient::new);

    @Test
    void anInvalidSelectorFailsTheStartNamingTheListenerExpressionAndColumn() {
        runner.withBean(BadSelector.class).run(context -> {
            assertThat(context).hasFailed();
            Throwable failure = context.getStartupFailure();
            Throwable cause = failure;
            while (!(cause instanceof InvalidSelectorException) && cause.getCause() != null) {
                cause = cause.getCause();
            }
            assertThat(cause).isInstanceOfSatisfying(InvalidSelectorException.class, e -> {
                assertThat(e.expression()).isEqualTo("region = 'eu' AND amount >> 100");
                assertThat(e.column()).isEqualTo(27);
                assertThat(e.getMessage()).startsWith("Listener selectorValidationTests.BadSelector#on (group "
                        + "audit, topic topic-nobody-created) has an invalid SQL92 selector")
                        .endsWith("region = 'eu' AND amount >> 100\n" + " ".repeat(4 + 26) + "^");
            });
            FailureAnalysis analysis = new InvalidSelectorFailureAnalyzer().analyze(failure);
            assertThat(analysis.getDescription()).isEqualTo(cause.getMessage());
            assertThat(analysis.getAction()).contains("Fix the selectorExpression");
        });
    }

    @Test
    void aValidSelectorRegisters() {
        runner.withBean(GoodSelector.class).run(context -> assertThat(context).hasNotFailed());
    }

    static class BadSelector {
        @MessageListener(topic = "topic-nobody-created", consumerGroup = "audit", selectorType = SelectorType.SQL92,
                selectorExpression = "region = 'eu' AND amount >> 100")
        void on(String body) {
        }
    }

    static class GoodSelector {
        @MessageListener(topic = "topic-nobody-created", consumerGroup = "audit", selectorType = SelectorType.SQL92,
                selectorExpression = "region = 'eu' AND amount > 100.0")
        void on(String body) {
        }
    }
}
