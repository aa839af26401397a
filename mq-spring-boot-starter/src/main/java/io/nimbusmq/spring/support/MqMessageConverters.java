package io.nimbusmq.spring.support;

import java.util.List;

import org.springframework.messaging.converter.ByteArrayMessageConverter;
import org.springframework.messaging.converter.CompositeMessageConverter;
import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.converter.MessageConverter;
import org.springframework.messaging.converter.StringMessageConverter;

import tools.jackson.databind.json.JsonMapper;

/** The default converter chain: String (UTF-8), byte[], then JSON with the given mapper. */
public final class MqMessageConverters {

    private MqMessageConverters() {
    }

    public static CompositeMessageConverter withJsonMapper(JsonMapper jsonMapper) {
        List<MessageConverter> converters = List.of(new StringMessageConverter(), new ByteArrayMessageConverter(),
                new JacksonJsonMessageConverter(jsonMapper));
        return new CompositeMessageConverter(converters);
    }
}
