package io.nimbusmq.spring.listener;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import io.nimbusmq.client.consumer.SelectorType;
import io.nimbusmq.client.consumer.Subscription;
import io.nimbusmq.filter.sql.SqlSelector;
import io.nimbusmq.filter.sql.SqlSyntaxException;

/**
 * Collects the endpoints found by the annotation post-processor and refuses, as each registers, a SQL92 selector
 * that does not compile ({@link InvalidSelectorException}, with the column) and inconsistent use of a consumer group
 * ({@link ConsumerGroupConflictException}) as soon as the second listener of a group registers.
 */
public class MessageListenerEndpointRegistrar {

    private final List<MessageListenerEndpoint> endpoints = new ArrayList<>();
    private UnaryOperator<MessageListenerEndpoint> overrides = UnaryOperator.identity();
    private final Map<String, ListenerConnectionSettings> connections = new HashMap<>();

    /**
     * Registers {@code endpoint} with where it connects and starts.
     *
     * @return the endpoint as registered
     */
    public synchronized MessageListenerEndpoint register(MessageListenerEndpoint endpoint,
            ListenerConnectionSettings connection) {
        MessageListenerEndpoint registered = register(endpoint);
        connections.put(registered.group(), connection);
        return registered;
    }

    /** Where the listener of {@code group} connects and starts; the defaults when it was registered without. */
    public synchronized ListenerConnectionSettings connection(String group) {
        return connections.getOrDefault(group, ListenerConnectionSettings.DEFAULTS);
    }

    /**
     * Applies the {@link #setOverrides overrides} (they are checked there) and registers the result.
     *
     * @return the endpoint as registered
     */
    public synchronized MessageListenerEndpoint register(MessageListenerEndpoint found) {
        MessageListenerEndpoint endpoint = overrides.apply(found);
        for (Subscription subscription : endpoint.subscriptions()) {
            if (subscription.type() == SelectorType.SQL92) {
                try {
                    SqlSelector.compile(subscription.expression());
                } catch (SqlSyntaxException e) {
                    throw new InvalidSelectorException(endpoint, subscription, e.getMessage(), e.column());
                }
            }
        }
        for (MessageListenerEndpoint existing : endpoints) {
            if (existing.group().equals(endpoint.group())) {
                throw new ConsumerGroupConflictException(endpoint.group(), existing, endpoint);
            }
        }
        endpoints.add(endpoint);
        return endpoint;
    }

    /** What the application's configuration changes in each listener ({@code mq.listeners.<group>.*}). */
    public synchronized void setOverrides(UnaryOperator<MessageListenerEndpoint> overrides) {
        this.overrides = overrides;
    }

    public synchronized List<MessageListenerEndpoint> endpoints() {
        return List.copyOf(endpoints);
    }
}
