package io.nimbusmq.samples.order;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The order service: the producer side of the samples. When ready it runs {@link OrderFlow} once, sending with every
 * send mode, then keeps running to answer the broker's transaction check-backs. Configured by {@code order.yml}.
 *
 * <pre>
 * java -jar mq-spring-boot-samples-0.1.0-SNAPSHOT-demo.jar order --mq.name-server=127.0.0.1:9876
 * </pre>
 */
@SpringBootApplication
public class OrderServiceApplication {

    /** The name of its configuration file, {@code order.yml}. */
    public static final String CONFIG_NAME = "order";

    public static void main(String[] args) {
        new SpringApplicationBuilder(OrderServiceApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME)
                .run(args);
    }
}
