package io.nimbusmq.spring.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import io.nimbusmq.spring.annotation.MessageListener;
import io.nimbusmq.spring.autoconfigure.DevBroker;
import io.nimbusmq.spring.core.MqTemplate;
import io.nimbusmq.spring.test.MessageCollector;

/** An application with no Nimbus MQ configuration at all runs on its embedded development broker. */
class ZeroConfigurationIntegrationTests {

    static final MessageCollector<OrderDto> RECEIVED = new MessageCollector<>();

    @Test
    void anApplicationWithoutConfigurationSendsAndReceivesOnItsEmbeddedBroker() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class)
                .web(WebApplicationType.NONE).run()) {
            assertThat(context.getBean(DevBroker.class).broker().isRunning()).isTrue();
            context.getBean(MqTemplate.class).syncSend("zero-config", OrderDto.sample("z-1"));
            assertThat(RECEIVED.awaitCount(1, Duration.ofSeconds(60))).containsExactly(OrderDto.sample("z-1"));
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Listener.class)
    static class App {
    }

    static class Listener {
        @MessageListener(topic = "zero-config")
        void on(OrderDto order) {
            RECEIVED.add(order);
        }
    }
}
