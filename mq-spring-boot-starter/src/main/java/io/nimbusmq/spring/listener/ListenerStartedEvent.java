package io.nimbusmq.spring.listener;

/** A listener's consumer started (at application start, or when started by its id). */
public class ListenerStartedEvent extends MqListenerEvent {

    public ListenerStartedEvent(MessageListenerContainer container) {
        super(container);
    }
}
