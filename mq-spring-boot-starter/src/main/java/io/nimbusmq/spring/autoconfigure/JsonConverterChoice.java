package io.nimbusmq.spring.autoconfigure;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.messaging.converter.MessageConverter;
import org.springframework.util.ClassUtils;

import io.nimbusmq.spring.support.Jackson2Json;
import io.nimbusmq.spring.support.Jackson3Json;

/**
 * Which JSON mapper payloads go through, by what the application has:
 * <ol>
 *   <li>its Jackson 3 {@code JsonMapper} bean (Spring Boot 4 auto-configures one);</li>
 *   <li>else its Jackson 2 {@code ObjectMapper} bean (Spring Boot 3.5 auto-configures one);</li>
 *   <li>else a default Jackson 3 mapper when Jackson 3 and Spring Framework 7 are on the classpath;</li>
 *   <li>else a default Jackson 2 mapper (Jackson 2 is always there: the client's protocol module uses it).</li>
 * </ol>
 * The Jackson-specific classes are touched only on their own branch, so that neither Jackson has to be present for
 * the other to work.
 */
final class JsonConverterChoice {

    static final String JACKSON3_MAPPER = "tools.jackson.databind.json.JsonMapper";
    static final String JACKSON2_MAPPER = "com.fasterxml.jackson.databind.ObjectMapper";

    private static final Logger log = LoggerFactory.getLogger(JsonConverterChoice.class);

    private JsonConverterChoice() {
    }

    static MessageConverter choose(ListableBeanFactory beans, ClassLoader classLoader, boolean strict) {
        boolean jackson3 = Jackson3Json.isPresent(classLoader);
        if (jackson3) {
            Object mapper = uniqueBean(beans, JACKSON3_MAPPER, classLoader);
            if (mapper != null) {
                log.debug("Payloads as JSON with the application's Jackson 3 JsonMapper");
                return Jackson3Json.converter((tools.jackson.databind.json.JsonMapper) mapper, strict);
            }
        }
        Object objectMapper = uniqueBean(beans, JACKSON2_MAPPER, classLoader);
        if (objectMapper != null) {
            log.debug("Payloads as JSON with the application's Jackson 2 ObjectMapper");
            return Jackson2Json.converter((com.fasterxml.jackson.databind.ObjectMapper) objectMapper, strict);
        }
        return jackson3 ? Jackson3Json.converter(Jackson3Json.defaultMapper(), strict)
                : Jackson2Json.converter(Jackson2Json.defaultMapper(), strict);
    }

    private static Object uniqueBean(ListableBeanFactory beans, String typeName, ClassLoader classLoader) {
        if (!ClassUtils.isPresent(typeName, classLoader)) {
            return null;
        }
        return beans.getBeanProvider(ClassUtils.resolveClassName(typeName, classLoader)).getIfUnique();
    }
}
