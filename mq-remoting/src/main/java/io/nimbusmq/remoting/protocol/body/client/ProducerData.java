package io.nimbusmq.remoting.protocol.body.client;

/**
 * One producer group of a client, as reported in each heartbeat. Every client also reports
 * {@link io.nimbusmq.message.SystemTopics#CLIENT_INNER_PRODUCER}.
 */
public record ProducerData(String groupName) {
}
