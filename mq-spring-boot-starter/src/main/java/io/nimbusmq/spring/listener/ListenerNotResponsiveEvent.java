package io.nimbusmq.spring.listener;

import java.time.Duration;

/**
 * A call of the listener has been running longer than its consume timeout (once per such call): a stuck downstream
 * call, a deadlock, a deferred {@link Acknowledgement} that never comes.
 */
public class ListenerNotResponsiveEvent extends MqListenerEvent {

    private final Duration callDuration;

    public ListenerNotResponsiveEvent(MessageListenerContainer container, Duration callDuration) {
        super(container);
        this.callDuration = callDuration;
    }

    /** How long the call had been running when this was published. */
    public Duration getCallDuration() {
        return callDuration;
    }
}
