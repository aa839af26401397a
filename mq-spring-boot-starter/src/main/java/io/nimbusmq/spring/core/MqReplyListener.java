package io.nimbusmq.spring.core;

/**
 * A listener that answers requests ({@link MqOperations#sendAndReceive}): the returned value, converted like a sent
 * payload, is the reply. Annotate the class with {@link io.nimbusmq.spring.annotation.MessageListener}.
 */
@FunctionalInterface
public interface MqReplyListener<T, R> {

    R onMessage(T message);
}
