package io.nimbusmq.spring.annotation;

import java.util.Arrays;

import org.springframework.aot.hint.ReflectionHints;
import org.springframework.core.MethodParameter;
import org.springframework.messaging.handler.annotation.MessageMappingReflectiveProcessor;
import org.springframework.util.ReflectionUtils;

import io.nimbusmq.client.ReceivedMessage;
import io.nimbusmq.spring.listener.Acknowledgement;

/**
 * AOT: what a native image needs to call {@link MessageListener}s, found on the application's beans at build time
 * (the annotation is {@code @Reflective} with this processor). For a listener method, as spring-messaging's own
 * {@code @MessageMapping}: the method is invoked, and its payload parameter and return type are bound (converted to
 * and from JSON, generics included); for a listener class, the same for its {@code onMessage}/{@code onMessages}.
 */
public class MessageListenerReflectiveProcessor extends MessageMappingReflectiveProcessor {

    @Override
    protected void registerTypeHints(ReflectionHints hints, Class<?> type) {
        super.registerTypeHints(hints, type);
        Arrays.stream(ReflectionUtils.getUniqueDeclaredMethods(type))
                .filter(method -> method.getName().equals("onMessage") || method.getName().equals("onMessages"))
                .filter(method -> method.getParameterCount() == 1 && !method.isBridge() && !method.isSynthetic())
                .forEach(method -> registerMethodHints(hints, method));
    }

    @Override
    protected boolean couldBePayload(MethodParameter parameter) {
        Class<?> type = parameter.getParameterType();
        return super.couldBePayload(parameter) && type != ReceivedMessage.class && type != Acknowledgement.class;
    }
}
