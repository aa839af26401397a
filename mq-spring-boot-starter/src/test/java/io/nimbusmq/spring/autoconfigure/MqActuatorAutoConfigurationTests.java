package io.nimbusmq.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.nimbusmq.spring.FakeMqClient;
import io.nimbusmq.spring.actuate.Boot3MqHealthIndicator;
import io.nimbusmq.spring.actuate.Boot4MqHealthIndicator;
import io.nimbusmq.spring.actuate.MqHealth;
import io.nimbusmq.spring.actuate.MqListenersEndpoint;

/** The health indicator (one per Boot generation on the classpath) and the mqlisteners endpoint. */
class MqActuatorAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MqAutoConfiguration.class, MqActuatorAutoConfiguration.class))
            .withPropertyValues("mq.name-server=127.0.0.1:9876", "mq.listener.startup=MANUAL");

    @Test
    void healthIsDownWhenNoNameServerAnswers() throws IOException {
        runner.withPropertyValues("mq.name-server=127.0.0.1:" + closedPort(), "mq.client.request-timeout=2s")
                .run(context -> {
                    var health = context.getBean(Boot4MqHealthIndicator.class).health();
                    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(health.getDetails()).containsKeys("nameServers", "brokers", "listeners");
                });
    }

    @Test
    void eachBootGenerationOnTheClasspathGetsItsIndicatorOverOneCheck() {
        runner.withBean(FakeMqClient.class, FakeMqClient::new).run(context -> {
            assertThat(context).hasSingleBean(MqHealth.class).hasSingleBean(MqListenersEndpoint.class);
            // this module compiles against both generations' health API; Boot 4's wins where both are present
            assertThat(context).hasSingleBean(Boot4MqHealthIndicator.class)
                    .doesNotHaveBean(Boot3MqHealthIndicator.class);
            assertThat(context.getBean(MqHealth.class).check().up()).isTrue();
        });
    }

    @Test
    void theIndicatorCanBeSwitchedOff() {
        runner.withBean(FakeMqClient.class, FakeMqClient::new).withPropertyValues("management.health.mq.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(MqHealth.class)
                        .doesNotHaveBean(Boot4MqHealthIndicator.class));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
