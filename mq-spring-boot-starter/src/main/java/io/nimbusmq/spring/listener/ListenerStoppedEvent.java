package io.nimbusmq.spring.listener;

/** A listener's consumer stopped: its in-flight messages finished (or the drain timed out), offsets committed. */
public class ListenerStoppedEvent extends MqListenerEvent {

    public ListenerStoppedEvent(MessageListenerContainer container) {
        super(container);
    }
}
