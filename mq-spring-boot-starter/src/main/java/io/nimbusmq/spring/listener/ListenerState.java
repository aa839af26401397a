package io.nimbusmq.spring.listener;

/** Where a listener is in its life, as the registry, health and the {@code mqlisteners} endpoint report it. */
public enum ListenerState {
    /** Pulling and consuming. */
    RUNNING,
    /** In its group, queues assigned, but not pulling ({@link MessageListenerContainerRegistry#pause}). */
    PAUSED,
    /** Not started yet, stopped, or {@code autoStartup = false}; may be started by its id. */
    STOPPED,
    /** Switched off by {@code mq.listeners.<group>.enabled=false}; never started. */
    DISABLED
}
