package io.nimbusmq.client.internal;

import io.nimbusmq.client.ClientConfig;
import io.nimbusmq.client.MqClient;

/** Placeholder until the client implementation lands. */
public final class MqClientInstance {

    private MqClientInstance() {
    }

    public static MqClient create(ClientConfig config) {
        throw new UnsupportedOperationException("the client is not implemented yet");
    }
}
