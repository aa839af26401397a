package io.nimbusmq.spring.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import io.nimbusmq.spring.annotation.MessageListener;
import io.nimbusmq.spring.core.MqListener;
import io.nimbusmq.spring.core.MqTemplate;
import io.nimbusmq.spring.test.EmbeddedMq;
import io.nimbusmq.spring.test.MessageCollector;

/** A listener class receives its generic payload type. */
@SpringBootTest(classes = ListenerModesIntegrationTests.App.class)
@EmbeddedMq(topics = "it-generic")
class ListenerModesIntegrationTests {

    static final Duration PATIENCE = Duration.ofSeconds(60);
    static final MessageCollector<List<OrderDto>> GENERIC = new MessageCollector<>();

    @Autowired
    MqTemplate template;

    @Test
    void aListenerClassReceivesItsGenericPayloadType() {
        template.syncSend("it-generic", List.of(OrderDto.sample("g1"), OrderDto.sample("g2")));
        assertThat(GENERIC.awaitCount(1, PATIENCE).get(0)).containsExactly(OrderDto.sample("g1"),
                OrderDto.sample("g2"));
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(GenericListener.class)
    static class App {
    }

    @MessageListener(topic = "it-generic", consumerGroup = "it-generic")
    static class GenericListener implements MqListener<List<OrderDto>> {
        @Override
        public void onMessage(List<OrderDto> orders) {
            GENERIC.add(orders);
        }
    }
}
