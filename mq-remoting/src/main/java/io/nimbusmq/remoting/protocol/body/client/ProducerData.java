package io.nimbusmq.remoting.protocol.body.client;

/**
 * One producer group of a client, as reported in each heartbeat. Every client also reports
 * {@link #CLIENT_INNER_PRODUCER}.
 */
public record ProducerData(String groupName) {

    /** The group of the producer every client instance keeps for internal sends. */
    public static final String CLIENT_INNER_PRODUCER = "CLIENT_INNER_PRODUCER";
}
