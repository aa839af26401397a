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
 * Points a test context at the JVM's embedded broker of its {@link EmbeddedMqSettings}: creates the topics, sets the
 * name-server property (and {@code mq.embedded.enabled=false}), and registers the broker and, when asked, its
 * {@link ManualClock} as beans. Equal customizers share a cached context.
 */
final class EmbeddedMqContextCustomizer implements ContextCustomizer {

    static final String BROKER_BEAN = "embeddedMqBroker";
    static final String CLOCK_BEAN = "embeddedMqManualClock";

    private final String[] topics;
    private final EmbeddedMqSettings settings;
    private final String nameServerProperty;

    EmbeddedMqContextCustomizer(String[] topics, EmbeddedMqSettings settings, String nameServerProperty) {
        this.topics = topics.clone();
        this.settings = settings;
        this.nameServerProperty = nameServerProperty;
    }

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
        EmbeddedBroker broker = EmbeddedMqBrokers.broker(settings);
        EmbeddedMqBrokers.createTopics(broker, topics, context.getEnvironment()::resolvePlaceholders);
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("embeddedMq",
                Map.of(nameServerProperty, broker.address(), "mq.embedded.enabled", "false")));
        context.getBeanFactory().registerSingleton(BROKER_BEAN, broker);
        if (settings.manualClock()) {
            context.getBeanFactory().registerSingleton(CLOCK_BEAN, EmbeddedMqBrokers.manualClock(settings));
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EmbeddedMqContextCustomizer that && Arrays.equals(topics, that.topics)
                && settings.equals(that.settings) && nameServerProperty.equals(that.nameServerProperty);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(topics), settings, nameServerProperty);
    }
}
