package io.nimbusmq.spring.support;

import java.util.List;

import org.springframework.messaging.converter.ByteArrayMessageConverter;
import org.springframework.messaging.converter.CompositeMessageConverter;
import org.springframework.messaging.converter.MessageConverter;
import org.springframework.messaging.converter.StringMessageConverter;

/**
 * The default converter chain: String (UTF-8), byte[], then JSON with the application's mapper: Jackson 3's
 * {@code tools.jackson.databind.json.JsonMapper} (Spring Boot 4) through {@link Jackson3Json}, or Jackson 2's
 * {@code com.fasterxml.jackson.databind.ObjectMapper} (Spring Boot 3.5) through {@link Jackson2Json}. Each of those
 * classes is loaded only when its Jackson is on the classpath.
 */
public final class MqMessageConverters {

    private MqMessageConverters() {
    }

    /** String, byte[], then {@code json}. */
    public static CompositeMessageConverter withJson(MessageConverter json) {
        return new CompositeMessageConverter(List.of(new StringMessageConverter(), new ByteArrayMessageConverter(),
                json));
    }
}
