package io.nimbusmq.spring.versions;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;

import io.nimbusmq.spring.actuate.MqListenersEndpoint;
import io.nimbusmq.spring.annotation.MessageListener;
import io.nimbusmq.spring.listener.ListenerState;
import io.nimbusmq.spring.test.EmbeddedMq;

/**
 * Actuator in an application of this module's Boot generation: the starter's {@code mq} health indicator is the one
 * of this generation's health API and Actuator's own health endpoint reports it UP; the {@code mqlisteners} endpoint
 * pauses and resumes a listener. (Health types differ between the generations, so they are reached by name.)
 */
@SpringBootTest(classes = ActuatorOnThisBootIntegrationTests.App.class)
@EmbeddedMq(topics = "bv-actuator")
class ActuatorOnThisBootIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    MqListenersEndpoint listeners;

    @Test
    void theMqHealthIndicatorOfThisGenerationIsUpInActuatorsHealthEndpoint() throws Exception {
        boolean boot3 = System.getProperty("expected.spring-boot").startsWith("3.");
        Object indicator = context.getBean("mqHealthIndicator");
        assertThat(indicator.getClass().getSimpleName()).isEqualTo(boot3 ? "Boot3MqHealthIndicator"
                : "Boot4MqHealthIndicator");
        assertThat(status(invoke(indicator, "health"))).isEqualTo("UP");

        Object healthEndpoint = context.getBean("healthEndpoint");
        Method forPath = healthEndpoint.getClass().getMethod("healthForPath", String[].class);
        assertThat(status(forPath.invoke(healthEndpoint, (Object) new String[] {"mq"}))).isEqualTo("UP");
    }

    @Test
    void theListenersEndpointPausesAndResumesByListenerId() {
        assertThat(listeners.act("bv-actuator", "pause").state()).isEqualTo(ListenerState.PAUSED);
        assertThat(listeners.act("bv-actuator", "resume").state()).isEqualTo(ListenerState.RUNNING);
    }

    private static Object invoke(Object target, String method) throws Exception {
        return target.getClass().getMethod(method).invoke(target);
    }

    private static String status(Object health) throws Exception {
        return (String) invoke(invoke(health, "getStatus"), "getCode");
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Listener.class)
    static class App {
    }

    static class Listener {
        @MessageListener(id = "bv-actuator", topic = "bv-actuator", consumerGroup = "bv-actuator")
        void on(String body) {
        }
    }
}
