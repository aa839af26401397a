package io.nimbusmq.spring.support;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.core.MethodParameter;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.converter.MessageConverter;
import org.springframework.messaging.converter.SmartMessageConverter;
import org.springframework.messaging.support.MessageBuilder;

import io.nimbusmq.client.ReceivedMessage;

/**
 * Turns payloads into message bodies and bodies back into payloads through a spring-messaging
 * {@link MessageConverter} (by default: String as UTF-8, byte[] as is, anything else as JSON with the application's
 * mapper). {@link ReceivedMessage} targets get the raw message.
 */
public final class MqMessageConverter {

    private final MessageConverter converter;

    public MqMessageConverter(MessageConverter converter) {
        this.converter = converter;
    }

    public MessageConverter messageConverter() {
        return converter;
    }

    /** The body for {@code payload}; {@code byte[]} passes through. */
    public byte[] toBody(Object payload, MessageHeaders headers) {
        if (payload instanceof byte[] bytes) {
            return bytes;
        }
        Message<?> message = converter.toMessage(payload, headers);
        if (message == null) {
            throw new MessageConversionException("no converter for payload type " + payload.getClass().getName());
        }
        return asBytes(message.getPayload());
    }

    /** A Spring message over the received body, with the headers of {@link MessageHeaderMapper#toHeaders}. */
    public Message<byte[]> toMessage(ReceivedMessage received) {
        return MessageBuilder.createMessage(received.body(), new MessageHeaders(MessageHeaderMapper.toHeaders(received)));
    }

    /**
     * Converts a received body to {@code hint}'s type (generics included): {@code byte[]}, {@link ReceivedMessage},
     * {@code String} and anything the JSON mapper reads.
     */
    public Object fromMessage(Message<byte[]> message, MethodParameter hint) {
        Class<?> target = hint.getNestedParameterType();
        if (target == byte[].class) {
            return message.getPayload();
        }
        if (target == ReceivedMessage.class) {
            return message.getHeaders().get(MqHeaders.RAW_MESSAGE);
        }
        Object payload = converter instanceof SmartMessageConverter smart
                ? smart.fromMessage(message, target, hint)
                : converter.fromMessage(message, target);
        if (payload == null) {
            throw new MessageConversionException(message, "cannot convert the body of " + describe(message)
                    + " to " + hint.getNestedGenericParameterType().getTypeName());
        }
        return payload;
    }

    /** {@link #fromMessage(Message, MethodParameter)} for a received message. */
    public Object fromReceived(ReceivedMessage received, MethodParameter hint) {
        return fromMessage(toMessage(received), hint);
    }

    private static String describe(Message<?> message) {
        Map<String, Object> headers = message.getHeaders();
        return "message " + headers.get(MqHeaders.MESSAGE_ID) + " of topic " + headers.get(MqHeaders.TOPIC);
    }

    private static byte[] asBytes(Object converted) {
        if (converted instanceof byte[] bytes) {
            return bytes;
        }
        if (converted instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        throw new MessageConversionException("converter produced " + converted.getClass().getName()
                + ", expected byte[] or String");
    }
}
