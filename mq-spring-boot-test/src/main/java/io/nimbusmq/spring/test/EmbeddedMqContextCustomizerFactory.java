package io.nimbusmq.spring.test;

import java.util.List;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/** Turns {@link EmbeddedMq} on a test class into an {@link EmbeddedMqContextCustomizer}; registered in spring.factories. */
public class EmbeddedMqContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        EmbeddedMq annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass, EmbeddedMq.class);
        return annotation == null ? null : new EmbeddedMqContextCustomizer(annotation.topics(),
                EmbeddedMqSettings.of(annotation), annotation.nameServerProperty());
    }
}
