package io.nimbusmq.spring.aot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.io.UrlResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.javapoet.ClassName;

import io.nimbusmq.client.ReceivedMessage;
import io.nimbusmq.spring.annotation.MessageListener;
import io.nimbusmq.spring.core.MqListener;
import io.nimbusmq.spring.listener.Acknowledgement;
import io.nimbusmq.spring.support.OrderDto;

/**
 * Spring's AOT processing of an application with listeners: the hints a native image needs for what the starter
 * reaches by reflection, checked with {@link RuntimeHintsPredicates}.
 */
class MqRuntimeHintsTests {

    static class MethodListeners {
        @MessageListener(topic = "orders", consumerGroup = "aot-method")
        String onOrder(OrderDto order, ReceivedMessage raw, Acknowledgement ack) {
            return order.id();
        }
    }

    @MessageListener(topic = "batches", consumerGroup = "aot-class")
    static class ClassListener implements MqListener<List<OrderDto>> {
        @Override
        public void onMessage(List<OrderDto> orders) {
        }
    }

    @Test
    void aheadOfTimeProcessingRegistersListenerMethodsTheirPayloadsAndTheStartersOwnReflection() throws Exception {
        GenericApplicationContext context = new GenericApplicationContext();
        context.registerBean(MethodListeners.class);
        context.registerBean(ClassListener.class);
        DefaultGenerationContext generation = new DefaultGenerationContext(
                new ClassNameGenerator(ClassName.get("com.example", "AotTest")), new InMemoryGeneratedFiles());
        new ApplicationContextAotGenerator().processAheadOfTime(context, generation);
        RuntimeHints hints = generation.getRuntimeHints();

        assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(
                MethodListeners.class.getDeclaredMethod("onOrder", OrderDto.class, ReceivedMessage.class,
                        Acknowledgement.class))).accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(
                ClassListener.class.getDeclaredMethod("onMessage", List.class))).accepts(hints);
        // the payload (from the parameter, and from the generic interface) is read from JSON
        assertThat(RuntimeHintsPredicates.reflection().onType(OrderDto.class)
                .withMemberCategory(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS)).accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(OrderDto.class.getMethod("amount")))
                .accepts(hints);
        // framework parameters are not payloads
        assertThat(RuntimeHintsPredicates.reflection().onType(Acknowledgement.class)).rejects(hints);

        assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Class.forName(
                "io.nimbusmq.spring.support.TypeHint").getDeclaredMethod("carrier", Object.class))).accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection().onType(TypeReference.of(
                "io.nimbusmq.broker.EmbeddedBroker"))).accepts(hints);
    }

    @Test
    void everyFailureAnalyzerOfTheStarterCanBeInstantiatedInANativeImage() throws IOException {
        RuntimeHints hints = new RuntimeHints();
        SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories")
                .load(RuntimeHintsRegistrar.class).forEach(registrar -> registrar.registerHints(hints,
                        getClass().getClassLoader()));
        List<String> analyzers = new ArrayList<>();
        for (URL url : Collections.list(getClass().getClassLoader().getResources("META-INF/spring.factories"))) {
            Properties factories = PropertiesLoaderUtils.loadProperties(new UrlResource(url));
            Arrays.stream(factories.getProperty(FailureAnalyzer.class.getName(), "").split(","))
                    .map(String::trim).filter(name -> name.startsWith("io.nimbusmq.")).forEach(analyzers::add);
        }
        assertThat(analyzers).containsExactlyInAnyOrderElementsOf(MqRuntimeHints.FAILURE_ANALYZERS);
        analyzers.forEach(name -> assertThat(RuntimeHintsPredicates.reflection().onType(TypeReference.of(name))
                .withMemberCategory(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS)).accepts(hints));
    }
}
