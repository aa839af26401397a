package io.nimbusmq.spring.actuate;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.nimbusmq.client.Connectivity;
import io.nimbusmq.client.MqClient;
import io.nimbusmq.spring.listener.ListenerInfo;
import io.nimbusmq.spring.listener.MessageListenerContainerRegistry;

/**
 * The health of the application's messaging, whatever the Spring Boot generation: asks every name server now
 * (within the probe timeout), reports the brokers as their last requests found them and each listener's state. DOWN
 * when no name server answers; otherwise UP. The Boot 3 and Boot 4 health indicators ({@link Boot3MqHealthIndicator},
 * {@link Boot4MqHealthIndicator}) turn its {@link Report} into their own {@code Health}.
 */
public final class MqHealth {

    private final MqClient client;
    private final MessageListenerContainerRegistry listeners;
    private final Duration probeTimeout;

    /** @param listeners the listener registry, or null when the application has none */
    public MqHealth(MqClient client, MessageListenerContainerRegistry listeners, Duration probeTimeout) {
        this.client = client;
        this.listeners = listeners;
        this.probeTimeout = probeTimeout;
    }

    /**
     * @param up      whether at least one name server answered
     * @param details {@code nameServers} and {@code brokers} (address to status and error), {@code listeners} (id to
     *                state and group)
     */
    public record Report(boolean up, Map<String, Object> details) {
    }

    public Report check() {
        Connectivity connectivity = client.probeNameServers(probeTimeout);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("nameServers", servers(connectivity.nameServers()));
        details.put("brokers", servers(connectivity.brokers()));
        if (listeners != null) {
            Map<String, Object> states = new LinkedHashMap<>();
            for (ListenerInfo info : listeners.listeners()) {
                states.put(info.id(), Map.of("state", info.state().name(), "group", info.group(), "topic",
                        info.topic()));
            }
            details.put("listeners", states);
        }
        return new Report(connectivity.anyNameServerUp(), details);
    }

    private static Map<String, Object> servers(List<Connectivity.Server> servers) {
        Map<String, Object> result = new LinkedHashMap<>();
        for (Connectivity.Server server : servers) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("status", server.status().name());
            if (server.lastError() != null) {
                detail.put("error", server.lastError());
            }
            result.put(server.address(), detail);
        }
        return result;
    }
}
