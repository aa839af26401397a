package io.nimbusmq.spring.listener;

import java.time.Duration;

/**
 * A running listener received nothing for its {@code idleEventInterval}; published again after each further interval
 * of silence, until a message arrives.
 */
public class ListenerIdleEvent extends MqListenerEvent {

    private final Duration idleTime;

    public ListenerIdleEvent(MessageListenerContainer container, Duration idleTime) {
        super(container);
        this.idleTime = idleTime;
    }

    /** How long nothing has been received (since the last message, or the start). */
    public Duration getIdleTime() {
        return idleTime;
    }
}
