package io.nimbusmq.compat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.message.Message;

/**
 * Steady sends to one topic from a background thread, a few every 20 ms, until closed: the traffic under which the
 * statistics tests read rates. Sends that fail are counted, not thrown.
 */
final class Traffic implements AutoCloseable {

    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "compat-traffic");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    Traffic(DefaultMQProducer producer, String topic, String tag) {
        sender.scheduleWithFixedDelay(() -> {
            for (int i = 0; i < 3; i++) {
                try {
                    producer.send(new Message(topic, tag, ("traffic-" + sent.get()).getBytes(StandardCharsets.UTF_8)));
                    sent.incrementAndGet();
                } catch (Exception e) {
                    failed.incrementAndGet();
                }
            }
        }, 0, 20, TimeUnit.MILLISECONDS);
    }

    long sent() {
        return sent.get();
    }

    @Override
    public void close() throws InterruptedException {
        sender.shutdownNow();
        sender.awaitTermination(10, TimeUnit.SECONDS);
    }
}
