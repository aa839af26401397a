package io.nimbusmq.samples.logistics;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The logistics service: the consumer side of the samples, with a listener for every listener mode (see the
 * package). Configured by {@code logistics.yml}.
 *
 * <pre>
 * java -jar mq-spring-boot-samples-0.1.0-SNAPSHOT-demo.jar logistics --mq.name-server=127.0.0.1:9876
 * </pre>
 */
@SpringBootApplication
public class LogisticsServiceApplication {

    /** The name of its configuration file, {@code logistics.yml}. */
    public static final String CONFIG_NAME = "logistics";

    public static void main(String[] args) {
        new SpringApplicationBuilder(LogisticsServiceApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME)
                .run(args);
    }
}
