package io.nimbusmq.spring.listener;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.nimbusmq.client.consumer.SelectorType;
import io.nimbusmq.filter.sql.SqlSelector;
import io.nimbusmq.filter.sql.SqlSyntaxException;

/**
 * Collects the endpoints found by the annotation post-processor and refuses, as each registers, a SQL92 selector
 * that does not compile ({@link InvalidSelectorException}, with the column) and inconsistent use of a consumer group
 * ({@link ConsumerGroupConflictException}) as soon as the second listener of a group registers.
 */
public class MessageListenerEndpointRegistrar {

    private final List<MessageListenerEndpoint> endpoints = new ArrayList<>();
    private final Map<String, ListenerConnectionSettings> connections = new HashMap<>();

    /** Registers {@code endpoint} with where it connects and starts. */
    public synchronized void register(MessageListenerEndpoint endpoint, ListenerConnectionSettings connection) {
        register(endpoint);
        connections.put(endpoint.group(), connection);
    }

    /** Where the listener of {@code group} connects and starts; the defaults when it was registered without. */
    public synchronized ListenerConnectionSettings connection(String group) {
        return connections.getOrDefault(group, ListenerConnectionSettings.DEFAULTS);
    }

    public synchronized void register(MessageListenerEndpoint endpoint) {
        if (endpoint.selectorType() == SelectorType.SQL92) {
            try {
                SqlSelector.compile(endpoint.selectorExpression());
            } catch (SqlSyntaxException e) {
                throw new InvalidSelectorException(endpoint, e.getMessage(), e.column());
            }
        }
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
