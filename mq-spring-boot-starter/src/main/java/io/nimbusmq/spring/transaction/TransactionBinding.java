package io.nimbusmq.spring.transaction;

import java.util.Set;

import org.springframework.core.ResolvableType;

import io.nimbusmq.spring.core.MqTransactionListener;

/**
 * A transaction listener and what it is bound to: a producer group, and the topics it handles in that group (none:
 * every topic not bound to another listener).
 */
public record TransactionBinding(String beanName, String producerGroup, Set<String> topics,
        MqTransactionListener<?> listener, ResolvableType payloadType) {

    public TransactionBinding {
        topics = Set.copyOf(topics);
    }

    public boolean isCatchAll() {
        return topics.isEmpty();
    }
}
