package io.nimbusmq.spring.test;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

import io.nimbusmq.broker.EmbeddedBroker;
import io.nimbusmq.broker.time.ManualClock;

/**
 * Points a test context at the JVM's embedded broker: creates the topics, sets the name-server property (and
 * {@code mq.embedded.enabled=false}), and registers the {@link ManualClock} bean when asked. Equal customizers share
 * a cached context.
 */
final class EmbeddedMqContextCustomizer implements ContextCustomizer {

    static final String CLOCK_BEAN = "embeddedMqManualClock";

    private final String[] topics;
    private final boolean manualClock;
    private final String nameServerProperty;

    EmbeddedMqContextCustomizer(String[] topics, boolean manualClock, String nameServerProperty) {
        this.topics = topics.clone();
        this.manualClock = manualClock;
        this.nameServerProperty = nameServerProperty;
    }

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
        EmbeddedBroker broker = manualClock ? EmbeddedMqBrokers.sharedWithManualClock() : EmbeddedMqBrokers.shared();
        for (String topic : topics) {
            EmbeddedMqBrokers.createTopic(broker, context.getEnvironment().resolvePlaceholders(topic));
        }
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("embeddedMq",
                Map.of(nameServerProperty, broker.address(), "mq.embedded.enabled", "false")));
        if (manualClock) {
            context.getBeanFactory().registerSingleton(CLOCK_BEAN, EmbeddedMqBrokers.manualClock());
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EmbeddedMqContextCustomizer that && Arrays.equals(topics, that.topics)
                && manualClock == that.manualClock && nameServerProperty.equals(that.nameServerProperty);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(topics), manualClock, nameServerProperty);
    }
}
