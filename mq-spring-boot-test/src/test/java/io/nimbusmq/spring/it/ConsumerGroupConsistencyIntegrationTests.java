package io.nimbusmq.spring.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import io.nimbusmq.spring.annotation.MessageListener;
import io.nimbusmq.spring.core.MqTemplate;
import io.nimbusmq.spring.listener.InconsistentConsumerGroupException;
import io.nimbusmq.spring.test.EmbeddedMqBrokers;
import io.nimbusmq.spring.test.MessageCollector;

/**
 * Two applications on one broker with a listener of the same consumer group: the second one starts only if it
 * subscribes like the live first one (or the check is switched off).
 */
@ExtendWith(OutputCaptureExtension.class)
class ConsumerGroupConsistencyIntegrationTests {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    private static ConfigurableApplicationContext start(String group, String topic, String tags, String... more) {
        EmbeddedMqBrokers.createTopic(EmbeddedMqBrokers.shared(), topic);
        return new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
                .properties("mq.name-server=" + EmbeddedMqBrokers.shared().address(), "app.group=" + group,
                        "app.topic=" + topic, "app.tags=" + tags)
                .properties(more).run();
    }

    @Test
    void aMemberWithAnotherSelectorFailsToStartAndSaysWhy(CapturedOutput output) {
        try (ConfigurableApplicationContext first = start("it-consistency-tags", "it-consistency", "a")) {
            assertThatThrownBy(() -> start("it-consistency-tags", "it-consistency", "b").close())
                    .isInstanceOf(InconsistentConsumerGroupException.class)
                    .hasMessageContaining("Consumer group 'it-consistency-tags' has live members [")
                    .hasMessageContaining("that subscribe to topic it-consistency TAG 'a' CLUSTERING, but listener "
                            + "listener#on subscribes to topic it-consistency TAG 'b' CLUSTERING.");
            assertThat(output).contains("APPLICATION FAILED TO START")
                    .contains("mq.consumer.check-group-consistency=false");

            // the live member still owns every queue of its group
            first.getBean(MqTemplate.class).syncSend("it-consistency:a", "after-refusal");
            first.getBean(Listener.class).received.awaitMatch("after-refusal"::equals, PATIENCE);
        }
    }

    @Test
    void aMemberOfAnotherTopicFailsToStart() {
        try (ConfigurableApplicationContext first = start("it-consistency-topics", "it-consistency-x", "*")) {
            assertThatThrownBy(() -> start("it-consistency-topics", "it-consistency-y", "*").close())
                    .isInstanceOf(InconsistentConsumerGroupException.class)
                    .hasMessageContaining("subscribe to topic it-consistency-x TAG '*' CLUSTERING, but listener "
                            + "listener#on subscribes to topic it-consistency-y TAG '*' CLUSTERING.");
        }
    }

    @Test
    void membersSubscribingAlikeStartAndShareTheMessages() {
        try (ConfigurableApplicationContext first = start("it-consistency-alike", "it-consistency-alike", "a || b");
                ConfigurableApplicationContext second = start("it-consistency-alike", "it-consistency-alike",
                        "b||a")) {
            List<String> sent = IntStream.range(0, 20).mapToObj(i -> "m" + i).toList();
            sent.forEach(body -> first.getBean(MqTemplate.class).syncSend("it-consistency-alike:a", body));
            MessageCollector<String> one = first.getBean(Listener.class).received;
            MessageCollector<String> two = second.getBean(Listener.class).received;
            await().atMost(PATIENCE).until(() -> {
                Set<String> all = new HashSet<>(one.received());
                all.addAll(two.received());
                return all.containsAll(sent);
            });
        }
    }

    @Test
    void theCheckCanBeSwitchedOff() {
        try (ConfigurableApplicationContext first = start("it-consistency-off", "it-consistency-off", "a");
                ConfigurableApplicationContext second = start("it-consistency-off", "it-consistency-off", "b",
                        "mq.consumer.check-group-consistency=false")) {
            assertThat(first.isRunning()).isTrue();
            assertThat(second.isRunning()).isTrue();
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        @Bean
        Listener listener() {
            return new Listener();
        }
    }

    static class Listener {
        final MessageCollector<String> received = new MessageCollector<>();

        @MessageListener(topic = "${app.topic}", consumerGroup = "${app.group}", selectorExpression = "${app.tags}")
        void on(String body) {
            received.add(body);
        }
    }
}
