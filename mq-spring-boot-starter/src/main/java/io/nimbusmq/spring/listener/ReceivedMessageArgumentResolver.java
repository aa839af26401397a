package io.nimbusmq.spring.listener;

import org.springframework.core.MethodParameter;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;

import io.nimbusmq.client.ReceivedMessage;
import io.nimbusmq.spring.support.MqHeaders;

/** A {@link ReceivedMessage} parameter: the message as the client received it. */
final class ReceivedMessageArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == ReceivedMessage.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, Message<?> message) {
        return message.getHeaders().get(MqHeaders.RAW_MESSAGE);
    }
}
