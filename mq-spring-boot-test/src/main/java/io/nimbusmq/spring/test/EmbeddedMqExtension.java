package io.nimbusmq.spring.test;

import java.util.function.UnaryOperator;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.core.annotation.AnnotatedElementUtils;

import io.nimbusmq.broker.EmbeddedBroker;
import io.nimbusmq.broker.time.ManualClock;

/**
 * {@link EmbeddedMq} in plain JUnit 5 tests (no Spring context): creates the topics before the class and injects the
 * JVM's {@link EmbeddedBroker} of the annotation's settings (and its {@link ManualClock}) into test method and
 * constructor parameters.
 *
 * <pre>{@code
 * @EmbeddedMq(topics = "orders")
 * class OrderClientTests {
 *     @Test
 *     void sends(EmbeddedBroker broker) {
 *         MqClient client = MqClient.create(ClientConfig.builder().nameServer(broker.address()).build());
 *     }
 * }
 * }</pre>
 */
public class EmbeddedMqExtension implements BeforeAllCallback, ParameterResolver {

    @Override
    public void beforeAll(ExtensionContext context) {
        EmbeddedMq annotation = annotation(context);
        EmbeddedMqBrokers.createTopics(broker(annotation), annotation.topics(), UnaryOperator.identity());
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == EmbeddedBroker.class || (type == ManualClock.class && annotation(extensionContext).manualClock());
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        EmbeddedMq annotation = annotation(extensionContext);
        return parameterContext.getParameter().getType() == ManualClock.class
                ? EmbeddedMqBrokers.manualClock(EmbeddedMqSettings.of(annotation)) : broker(annotation);
    }

    private static EmbeddedBroker broker(EmbeddedMq annotation) {
        return EmbeddedMqBrokers.broker(EmbeddedMqSettings.of(annotation));
    }

    private static EmbeddedMq annotation(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        EmbeddedMq annotation = AnnotatedElementUtils.findMergedAnnotation(testClass, EmbeddedMq.class);
        if (annotation == null) {
            throw new IllegalStateException(testClass.getName() + " is not annotated with @EmbeddedMq");
        }
        return annotation;
    }
}
