package io.nimbusmq.client;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.nimbusmq.client.consumer.ConsumeStatus;
import io.nimbusmq.client.consumer.MessageHandler;

/** Records what a handler received; thread-safe. */
public final class Received implements MessageHandler {

    private final List<ReceivedMessage> messages = new CopyOnWriteArrayList<>();

    @Override
    public ConsumeStatus handle(List<ReceivedMessage> batch) {
        messages.addAll(batch);
        return ConsumeStatus.SUCCESS;
    }

    public List<ReceivedMessage> messages() {
        return List.copyOf(messages);
    }

    public int size() {
        return messages.size();
    }

    public List<String> bodies() {
        return messages.stream().map(m -> new String(m.body(), StandardCharsets.UTF_8)).toList();
    }
}
