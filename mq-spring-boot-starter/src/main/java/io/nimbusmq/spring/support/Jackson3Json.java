package io.nimbusmq.spring.support;

import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.converter.MessageConverter;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON payloads with Jackson 3 (Spring Framework 7's {@link JacksonJsonMessageConverter}). Loaded only when
 * {@code tools.jackson.databind.json.JsonMapper} and that converter are on the classpath (Spring Boot 4).
 */
public final class Jackson3Json {

    /** Whether Jackson 3 and Spring Framework 7's converter for it can be loaded. */
    public static boolean isPresent(ClassLoader classLoader) {
        return org.springframework.util.ClassUtils.isPresent("tools.jackson.databind.json.JsonMapper", classLoader)
                && org.springframework.util.ClassUtils.isPresent(
                        "org.springframework.messaging.converter.JacksonJsonMessageConverter", classLoader);
    }

    private Jackson3Json() {
    }

    /**
     * A converter writing and reading with {@code mapper}; with {@code strict}, reading fails on unknown properties and
     * on missing or null creator properties (a record or constructor parameter the JSON lacks).
     */
    public static MessageConverter converter(JsonMapper mapper, boolean strict) {
        JsonMapper used = strict ? mapper.rebuild()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES,
                        DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build() : mapper;
        return new JacksonJsonMessageConverter(used);
    }

    /** A mapper with Jackson 3's defaults, for applications that have none. */
    public static JsonMapper defaultMapper() {
        return JsonMapper.builder().build();
    }
}
