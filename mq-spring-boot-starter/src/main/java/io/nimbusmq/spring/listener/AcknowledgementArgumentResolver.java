package io.nimbusmq.spring.listener;

import org.springframework.core.MethodParameter;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;

/** Resolves an {@link Acknowledgement} parameter from the header the invoker puts on the message. */
final class AcknowledgementArgumentResolver implements HandlerMethodArgumentResolver {

    static final String HEADER = "mq_acknowledgement";

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Acknowledgement.class.equals(parameter.getParameterType());
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, Message<?> message) {
        Object ack = message.getHeaders().get(HEADER);
        if (ack == null) {
            throw new IllegalStateException("no Acknowledgement for " + parameter.getMethod()
                    + ": batch listeners cannot defer completion");
        }
        return ack;
    }
}
