package io.nimbusmq.spring.listener;

/** When listener containers start pulling. */
public enum ListenerStartup {
    /** When the application is ready ({@code ApplicationReadyEvent}): after runners, before traffic is served. */
    READY,
    /** When the context refreshes (SmartLifecycle start), before the application is ready. */
    REFRESH,
    /** Only when {@link MessageListenerContainerRegistry#startContainers()} is called. */
    MANUAL
}
