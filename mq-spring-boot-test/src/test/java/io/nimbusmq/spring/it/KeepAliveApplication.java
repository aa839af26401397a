package io.nimbusmq.spring.it;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import io.nimbusmq.spring.annotation.MessageListener;

/**
 * A listener-only application for {@link ListenerKeepAliveIntegrationTests}, run in a JVM of its own: no web server,
 * nothing after {@code main} returns but the listener. It prints {@code STARTED} when ready and closes its context
 * when it receives {@code stop}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class KeepAliveApplication {

    public static final String TOPIC = "it-keep-alive-process";

    public static void main(String[] args) {
        new SpringApplicationBuilder(KeepAliveApplication.class).web(WebApplicationType.NONE)
                .properties("mq.name-server=" + args[0], "spring.main.banner-mode=off", "logging.level.root=WARN",
                        "mq.consumer.consume-from-where=CONSUME_FROM_FIRST_OFFSET")
                .run();
        System.out.println("STARTED");
    }

    @Bean
    StopListener stopListener(ConfigurableApplicationContext context) {
        return new StopListener(context);
    }

    static class StopListener {
        private final ConfigurableApplicationContext context;

        StopListener(ConfigurableApplicationContext context) {
            this.context = context;
        }

        @MessageListener(topic = TOPIC, consumerGroup = TOPIC)
        void on(String body) {
            System.out.println("RECEIVED " + body);
            if (body.equals("stop")) {
                new Thread(context::close, "closer").start();
            }
        }
    }
}
