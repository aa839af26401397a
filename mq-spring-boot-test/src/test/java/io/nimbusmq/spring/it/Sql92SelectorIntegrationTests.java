package io.nimbusmq.spring.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import io.nimbusmq.client.consumer.SelectorType;
import io.nimbusmq.spring.annotation.MessageListener;
import io.nimbusmq.spring.core.MqTemplate;
import io.nimbusmq.spring.core.SendOptions;
import io.nimbusmq.spring.test.EmbeddedMq;
import io.nimbusmq.spring.test.MessageCollector;

/** SQL92 selectors filter on headers the template sends as user properties (needs the broker's SQL92 filter). */
@SpringBootTest(classes = Sql92SelectorIntegrationTests.App.class)
@EmbeddedMq(topics = {"it-sql", "it-sql-decimal"})
class Sql92SelectorIntegrationTests {

    static final Duration PATIENCE = Duration.ofSeconds(60);
    static final MessageCollector<String> EU_BIG = new MessageCollector<>();
    static final MessageCollector<String> ALL = new MessageCollector<>();
    static final MessageCollector<String> DEAR = new MessageCollector<>();

    @Autowired
    MqTemplate template;

    @Test
    void sql92SelectorsFilterOnHeadersSentAsProperties() {
        template.syncSend("it-sql", "eu-150", SendOptions.none().header("region", "eu").header("amount", 150));
        template.syncSend("it-sql", "us-500", SendOptions.none().header("region", "us").header("amount", 500));
        template.syncSend("it-sql", "eu-20", SendOptions.none().header("region", "eu").header("amount", 20));
        template.syncSend("it-sql", "eu-900", SendOptions.none().header("region", "eu").header("amount", 900));
        assertThat(ALL.awaitCount(4, PATIENCE)).hasSize(4);
        assertThat(EU_BIG.awaitCount(2, PATIENCE)).containsExactlyInAnyOrder("eu-150", "eu-900");
    }

    @Test
    void decimalHeadersWithAnIntegralValueMatchAnIntegerComparison() {
        template.syncSend("it-sql-decimal", "decimal-250", SendOptions.orderly("one-queue").header("amount",
                new BigDecimal("250.00")));
        template.syncSend("it-sql-decimal", "double-300", SendOptions.orderly("one-queue").header("amount", 300.0));
        template.syncSend("it-sql-decimal", "decimal-50", SendOptions.orderly("one-queue").header("amount",
                new BigDecimal("50.00")));
        template.syncSend("it-sql-decimal", "marker", SendOptions.orderly("one-queue").header("amount", 1000));
        // one queue: once the last message arrived, the broker's filter has passed over every earlier one
        List.of("decimal-250", "double-300", "marker").forEach(body -> DEAR.awaitMatch(body::equals, PATIENCE));
        assertThat(DEAR.received()).containsExactlyInAnyOrder("decimal-250", "double-300", "marker");
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(SqlListeners.class)
    static class App {
    }

    static class SqlListeners {
        @MessageListener(topic = "it-sql", consumerGroup = "it-sql-eu-big", selectorType = SelectorType.SQL92,
                selectorExpression = "region = 'eu' AND amount > 100")
        void euBig(String body) {
            EU_BIG.add(body);
        }

        @MessageListener(topic = "it-sql-decimal", consumerGroup = "it-sql-decimal", selectorType = SelectorType.SQL92,
                selectorExpression = "amount > 100")
        void dear(String body) {
            DEAR.add(body);
        }

        @MessageListener(topic = "it-sql", consumerGroup = "it-sql-all")
        void all(String body) {
            ALL.add(body);
        }
    }
}
