package io.nimbusmq.spring.support;

import org.springframework.messaging.converter.MappingJackson2MessageConverter;
import org.springframework.messaging.converter.MessageConverter;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * JSON payloads with Jackson 2 ({@link MappingJackson2MessageConverter}, in Spring Framework 6.2 and, deprecated, in
 * 7): the path of Spring Boot 3.5 applications, whose {@code ObjectMapper} bean it uses.
 */
@SuppressWarnings({"deprecation", "removal"})
public final class Jackson2Json {

    private Jackson2Json() {
    }

    /**
     * A converter writing and reading with {@code mapper}; with {@code strict}, reading fails on unknown properties and
     * on missing or null creator properties. The application's mapper is copied, never changed.
     */
    public static MessageConverter converter(ObjectMapper mapper, boolean strict) {
        ObjectMapper used = strict ? mapper.copy()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES,
                        DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES) : mapper;
        MappingJackson2MessageConverter converter = new MappingJackson2MessageConverter();
        converter.setObjectMapper(used);
        return converter;
    }

    /** A mapper with the modules on the classpath (java.time, Optional, parameter names), for applications with none. */
    public static ObjectMapper defaultMapper() {
        return new ObjectMapper().findAndRegisterModules()
                .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }
}
