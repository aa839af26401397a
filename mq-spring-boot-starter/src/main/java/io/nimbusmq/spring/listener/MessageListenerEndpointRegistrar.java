package io.nimbusmq.spring.listener;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the endpoints found by the annotation post-processor and refuses inconsistent use of a consumer group
 * ({@link ConsumerGroupConflictException}) as soon as the second listener of a group registers.
 */
public class MessageListenerEndpointRegistrar {

    private final List<MessageListenerEndpoint> endpoints = new ArrayList<>();

    public synchronized void register(MessageListenerEndpoint endpoint) {
        for (MessageListenerEndpoint existing : endpoints) {
            if (existing.group().equals(endpoint.group())) {
                throw new ConsumerGroupConflictException(endpoint.group(), existing, endpoint);
            }
        }
        endpoints.add(endpoint);
    }

    public synchronized List<MessageListenerEndpoint> endpoints() {
        return List.copyOf(endpoints);
    }
}
