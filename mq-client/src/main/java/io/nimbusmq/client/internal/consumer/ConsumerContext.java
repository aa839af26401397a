package io.nimbusmq.client.internal.consumer;

import io.nimbusmq.client.consumer.ConsumerConfig;
import io.nimbusmq.client.consumer.MessageHandler;
import io.nimbusmq.client.internal.ClientServices;
import io.nimbusmq.client.internal.offset.OffsetStore;

/** What the parts of one push consumer share. */
record ConsumerContext(ClientServices services, ConsumerConfig config, MessageHandler handler, OffsetStore offsets,
        SendBack sendBack) {

    String group() {
        return config.group();
    }

    boolean clustering() {
        return config.messageModel() == io.nimbusmq.remoting.protocol.body.client.MessageModel.CLUSTERING;
    }
}
