package io.nimbusmq.spring.actuate;

import java.util.List;
import java.util.Map;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

import io.nimbusmq.spring.listener.ListenerInfo;
import io.nimbusmq.spring.listener.MessageListenerContainerRegistry;

/**
 * {@code /actuator/mqlisteners}: the application's listeners and their states; {@code POST
 * /actuator/mqlisteners/{id}} with {@code {"action": "pause" | "resume" | "stop" | "start"}} acts on one by its id.
 * Expose it like any endpoint ({@code management.endpoints.web.exposure.include=health,mqlisteners}).
 */
@Endpoint(id = "mqlisteners")
public class MqListenersEndpoint {

    /** What the write operation accepts. */
    public enum Action {
        PAUSE, RESUME, STOP, START
    }

    private final MessageListenerContainerRegistry registry;

    public MqListenersEndpoint(MessageListenerContainerRegistry registry) {
        this.registry = registry;
    }

    @ReadOperation
    public Map<String, List<ListenerInfo>> listeners() {
        return Map.of("listeners", registry.listeners());
    }

    /** One listener; none (404) for an unknown id. */
    @ReadOperation
    public ListenerInfo listener(@Selector String id) {
        return registry.listeners().stream().filter(info -> info.id().equals(id)).findFirst().orElse(null);
    }

    @WriteOperation
    public ListenerInfo act(@Selector String id, String action) {
        switch (Action.valueOf(action.trim().toUpperCase(java.util.Locale.ROOT))) {
            case PAUSE -> registry.pause(id);
            case RESUME -> registry.resume(id);
            case STOP -> registry.stopContainer(id);
            case START -> registry.startContainer(id);
            default -> throw new IllegalArgumentException(action);
        }
        return listener(id);
    }
}
