package io.nimbusmq.samples.demo;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import io.nimbusmq.broker.transaction.TransactionConfig;
import io.nimbusmq.spring.autoconfigure.EmbeddedBrokerCustomizer;

/**
 * The one-command demo: the order service and the logistics service in one JVM, on an embedded broker, running the
 * whole flow once ({@link DemoRun}). Prints every send ({@code [order]}) and receipt ({@code [logistics]}), then a
 * summary ({@code [demo]}), and exits 0 when everything that was sent arrived where it should, 1 otherwise.
 *
 * <p>Configuration: {@code order.yml}, {@code logistics.yml}, then {@code demo.yml} on top. With
 * {@code --mq.name-server=host:port} it runs against that broker instead of an embedded one.
 */
@SpringBootApplication(scanBasePackages = "io.nimbusmq.samples")
public class DemoApplication {

    /** The configuration files, later ones overriding earlier ones. */
    public static final String CONFIG_NAMES = "order,logistics,demo";

    public static void main(String[] args) {
        System.exit(run(args).exitCode());
    }

    /** Starts the applications, runs the flow, stops them. */
    public static DemoResult run(String... args) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(DemoApplication.class)
                .properties("spring.config.name=" + CONFIG_NAMES)
                .run(args)) {
            return context.getBean(DemoRun.class).run();
        }
    }

    /**
     * The embedded broker checks open transactions back every second (after 2 s) instead of every 30 s (after 6 s),
     * so the demo's check-back happens within seconds. A standalone broker takes
     * {@code --transaction-check-interval-millis} and {@code --transaction-timeout-millis}.
     */
    @Bean
    EmbeddedBrokerCustomizer quickTransactionCheckBack() {
        return builder -> builder.transaction(TransactionConfig.defaults()
                .withCheckIntervalMillis(1_000).withTimeoutMillis(2_000));
    }
}
