package io.nimbusmq.spring.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import io.nimbusmq.spring.annotation.MessageListener;
import io.nimbusmq.spring.listener.ListenerState;
import io.nimbusmq.spring.listener.MessageListenerContainerRegistry;
import io.nimbusmq.spring.test.EmbeddedMqBrokers;

/**
 * With {@code mq.listener.startup=READY} (the default) listeners start after the application runners return; the
 * application says so at INFO as the runners begin, and a runner sees its listeners not started yet.
 */
@ExtendWith(OutputCaptureExtension.class)
class RunnersBeforeListenersIntegrationTests {

    static volatile ListenerState seenByRunner;

    @Test
    void listenersStartAfterTheRunnersAndTheApplicationSaysSo(CapturedOutput output) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class)
                .web(WebApplicationType.NONE)
                .properties("mq.name-server=" + EmbeddedMqBrokers.shared().address()).run()) {
            assertThat(seenByRunner).isEqualTo(ListenerState.STOPPED);
            assertThat(context.getBean(MessageListenerContainerRegistry.class).listeners())
                    .singleElement().satisfies(info -> assertThat(info.state()).isEqualTo(ListenerState.RUNNING));
            assertThat(output.getOut()).contains("The application runners [sendAndCheck] run before listeners "
                    + "[runner-listener] start (mq.listener.startup=READY)")
                    .contains("set mq.listener.startup=REFRESH");
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Listener.class)
    static class App {
        @Bean
        ApplicationRunner sendAndCheck(MessageListenerContainerRegistry registry) {
            return args -> seenByRunner = registry.listeners().get(0).state();
        }
    }

    static class Listener {
        @MessageListener(id = "runner-listener", topic = "it-runner", consumerGroup = "it-runner")
        void on(String body) {
        }
    }
}
