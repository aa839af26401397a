package io.nimbusmq.spring.annotation.scanned;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.nimbusmq.spring.annotation.MessageListener;
import io.nimbusmq.spring.core.MqListener;

/** A listener class with no stereotype but {@code @MessageListener}, found by component scanning. */
@MessageListener(topic = "scanned-orders", consumerGroup = "scanned-shipping")
public class ScannedShipping implements MqListener<String> {

    public final List<String> received = new CopyOnWriteArrayList<>();

    @Override
    public void onMessage(String message) {
        received.add(message);
    }
}
