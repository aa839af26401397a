package io.nimbusmq.payments;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The payments service ported from rocketmq-spring. Configured by {@code payments.yml} (which was
 * {@code rocketmq.*} in its {@code application.yml}).
 *
 * <pre>
 * java -jar mq-spring-boot-samples-0.1.0-SNAPSHOT-demo.jar payments --mq.name-server=127.0.0.1:9876
 * </pre>
 */
@SpringBootApplication
public class PaymentsApplication {

    /** The name of its configuration file, {@code payments.yml}. */
    public static final String CONFIG_NAME = "payments";

    public static void main(String[] args) {
        new SpringApplicationBuilder(PaymentsApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME)
                .run(args);
    }
}
