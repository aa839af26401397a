package io.nimbusmq.spring.transaction;

import java.util.HashMap;
import java.util.Map;

import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;

import io.nimbusmq.client.Message;
import io.nimbusmq.client.ReceivedMessage;
import io.nimbusmq.client.producer.LocalTransactionExecutor;
import io.nimbusmq.client.producer.LocalTransactionState;
import io.nimbusmq.spring.core.MqTransactionListener;
import io.nimbusmq.spring.support.MqHeaders;
import io.nimbusmq.spring.support.MqMessageConverter;
import io.nimbusmq.spring.support.TypeHint;

/** Calls a {@link MqTransactionListener} with Spring messages: the local execution and the check-back. */
final class LocalExecution implements LocalTransactionExecutor {

    private final TransactionBinding binding;
    private final MqMessageConverter converter;
    private final Object payload;

    LocalExecution(TransactionBinding binding, MqMessageConverter converter, Object payload) {
        this.binding = binding;
        this.converter = converter;
        this.payload = payload;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public LocalTransactionState execute(Message message, Object argument) {
        Object value = payload instanceof org.springframework.messaging.Message<?> spring ? spring.getPayload()
                : payload;
        if (!binding.payloadType().toClass().isInstance(value)) {
            value = converter.fromMessage(MessageBuilder.createMessage(message.body(), headers(message)),
                    TypeHint.of(binding.payloadType()));
        }
        org.springframework.messaging.Message<Object> local = MessageBuilder.createMessage(value, headers(message));
        return ((MqTransactionListener) binding.listener()).executeLocalTransaction(local, argument);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static LocalTransactionState check(TransactionBinding binding, MqMessageConverter converter, ReceivedMessage half) {
        org.springframework.messaging.Message<byte[]> raw = converter.toMessage(half);
        Object value = converter.fromMessage(raw, TypeHint.of(binding.payloadType()));
        org.springframework.messaging.Message<Object> message = MessageBuilder.createMessage(value, raw.getHeaders());
        LocalTransactionState state = ((MqTransactionListener) binding.listener()).checkLocalTransaction(message);
        return state == null ? LocalTransactionState.UNKNOW : state;
    }

    private static MessageHeaders headers(Message message) {
        Map<String, Object> headers = new HashMap<>(message.properties());
        headers.put(MqHeaders.TOPIC, message.topic());
        return new MessageHeaders(headers);
    }
}
