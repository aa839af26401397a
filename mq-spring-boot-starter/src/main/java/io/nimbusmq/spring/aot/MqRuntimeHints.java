package io.nimbusmq.spring.aot;

import java.util.List;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;

/**
 * What the starter reaches by reflection outside bean definitions, for a native image (registered in
 * {@code META-INF/spring/aot.factories}):
 * <ul>
 *   <li>the failure analyzers of {@code META-INF/spring.factories}, which Spring Boot instantiates by name;</li>
 *   <li>the optional types looked up by name (the JSON mappers, Spring Framework 7's Jackson 3 converter, the
 *       embedded broker), so that the same choice is made in the image;</li>
 *   <li>{@code TypeHint}'s carrier method, read reflectively to describe a generic payload type.</li>
 * </ul>
 * Listener methods and their payload types are registered per application by
 * {@link io.nimbusmq.spring.annotation.MessageListenerReflectiveProcessor}; configuration properties and
 * auto-configuration classes by Spring Boot's AOT processing. The starter creates no JDK proxies.
 */
public class MqRuntimeHints implements RuntimeHintsRegistrar {

    /** The failure analyzers listed in {@code META-INF/spring.factories}. */
    static final List<String> FAILURE_ANALYZERS = List.of(
            "io.nimbusmq.spring.autoconfigure.ConsumerGroupConflictFailureAnalyzer",
            "io.nimbusmq.spring.autoconfigure.InconsistentConsumerGroupFailureAnalyzer",
            "io.nimbusmq.spring.autoconfigure.InvalidSelectorFailureAnalyzer",
            "io.nimbusmq.spring.autoconfigure.InvalidListenerSettingFailureAnalyzer",
            "io.nimbusmq.spring.autoconfigure.MissingTopicsFailureAnalyzer",
            "io.nimbusmq.spring.autoconfigure.MqConfigurationFailureAnalyzer",
            "io.nimbusmq.spring.autoconfigure.NoNameServerFailureAnalyzer",
            "io.nimbusmq.spring.autoconfigure.NameServerUnreachableFailureAnalyzer",
            "io.nimbusmq.spring.autoconfigure.UnsupportedSpringBootVersionFailureAnalyzer");

    /** Types whose presence the starter checks by name. */
    static final List<String> LOOKED_UP_BY_NAME = List.of("tools.jackson.databind.json.JsonMapper",
            "com.fasterxml.jackson.databind.ObjectMapper",
            "org.springframework.messaging.converter.JacksonJsonMessageConverter",
            "io.nimbusmq.broker.EmbeddedBroker");

    @Override
    public void registerHints(RuntimeHints hints, ClassLoader classLoader) {
        FAILURE_ANALYZERS.forEach(name -> hints.reflection().registerType(TypeReference.of(name),
                MemberCategory.INVOKE_DECLARED_CONSTRUCTORS));
        LOOKED_UP_BY_NAME.forEach(name -> hints.reflection().registerType(TypeReference.of(name)));
        hints.reflection().registerType(TypeReference.of("io.nimbusmq.spring.support.TypeHint"),
                type -> type.withMethod("carrier", List.of(TypeReference.of(Object.class)),
                        org.springframework.aot.hint.ExecutableMode.INVOKE));
    }
}
