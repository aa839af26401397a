package io.nimbusmq.spring.listener;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.core.MethodParameter;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;
import org.springframework.messaging.support.MessageBuilder;

import io.nimbusmq.client.ReceivedMessage;
import io.nimbusmq.spring.support.MqHeaders;
import io.nimbusmq.spring.support.MqMessageConverter;

/**
 * The {@code List<T>} parameter of a batch listener: each received message converted to {@code T}, or kept as
 * {@code Message<T>} or {@link ReceivedMessage}.
 */
final class BatchPayloadArgumentResolver implements HandlerMethodArgumentResolver {

    static final String BATCH_HEADER = MqHeaders.PREFIX + "batch";

    private final MqMessageConverter converter;

    BatchPayloadArgumentResolver(MqMessageConverter converter) {
        this.converter = converter;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Collection.class.isAssignableFrom(parameter.getParameterType());
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object resolveArgument(MethodParameter parameter, Message<?> message) {
        List<Message<byte[]>> batch = (List<Message<byte[]>>) message.getPayload();
        MethodParameter element = parameter.nested();
        Class<?> elementType = element.getNestedParameterType();
        List<Object> values = new ArrayList<>(batch.size());
        for (Message<byte[]> item : batch) {
            if (elementType == ReceivedMessage.class) {
                values.add(item.getHeaders().get(MqHeaders.RAW_MESSAGE));
            } else if (Message.class.isAssignableFrom(elementType)) {
                Object payload = converter.fromMessage(item, element.nested());
                values.add(MessageBuilder.createMessage(payload, item.getHeaders()));
            } else {
                values.add(converter.fromMessage(item, element));
            }
        }
        return values;
    }
}
