package io.nimbusmq.remoting.protocol.body.client;

/** How a consumer group fetches messages, as reported in {@link ConsumerData#consumeType()}. */
public enum ConsumeType {
    /** Lite-pull and pull consumers: the application asks for messages. */
    CONSUME_ACTIVELY,
    /** Push consumers: the client long-polls and hands messages to a listener. */
    CONSUME_PASSIVELY,
    /** POP consumers (server-side assignment). */
    CONSUME_POP
}
