package io.nimbusmq.spring.listener;

/**
 * One listener as the registry sees it.
 *
 * @param id    the listener's id ({@code @MessageListener(id)}, else {@code beanName#method})
 * @param group its consumer group
 * @param topic its topic
 * @param state running, paused, stopped or disabled
 */
public record ListenerInfo(String id, String group, String topic, ListenerState state) {
}
