package io.nimbusmq.spring.listener;

import org.springframework.context.ApplicationEvent;

/**
 * A listener's lifecycle and health, published as an {@link ApplicationEvent} (listen with {@code @EventListener}):
 * {@link ListenerStartedEvent}, {@link ListenerStoppedEvent}, {@link ListenerIdleEvent},
 * {@link ListenerNotResponsiveEvent}. The source is the listener's container.
 */
public abstract class MqListenerEvent extends ApplicationEvent {

    private final transient MessageListenerEndpoint listener;

    protected MqListenerEvent(MessageListenerContainer container) {
        super(container);
        this.listener = container.endpoint();
    }

    public MessageListenerEndpoint getListener() {
        return listener;
    }

    /** The listener's id. */
    public String getListenerId() {
        return listener.id();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + listener.id() + "]";
    }
}
