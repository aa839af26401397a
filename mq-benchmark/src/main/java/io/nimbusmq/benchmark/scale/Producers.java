package io.nimbusmq.benchmark.scale;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;

import io.nimbusmq.benchmark.load.MeasuredPeriod;
import io.nimbusmq.benchmark.load.MessageBody;

/**
 * Writes the fill topic through the official client: every message carries a unique key {@code k<id>} and its id in
 * the body ({@link MessageBody}), ids counting up from 1 over the whole run (fill and produce windows alike), so that
 * the count of acknowledged messages is the count the topic must hold.
 *
 * <ul>
 * <li>{@link #fill}: as fast as possible, {@code fillThreads} threads sending batches of {@code fillBatch}; every
 * {@code sampleEvery}-th message goes alone instead, so that its offset message id is known for the lookups by id.</li>
 * <li>{@link #produceWindow}: the measured produce scenario, the same at every checkpoint: {@code produceThreads}
 * threads sending one message at a time synchronously, {@code warmupSeconds} unmeasured, then
 * {@code produceSeconds} measured.</li>
 * </ul>
 * A failed send stops nothing but is counted; the report shows the count.
 */
final class Producers implements AutoCloseable {

    private final ScaleSettings settings;
    private final String topic;
    private final DefaultMQProducer producer;
    private final AtomicLong lastId = new AtomicLong();
    private final LongAdder acked = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final AtomicReference<String> firstError = new AtomicReference<>();
    private final ConcurrentHashMap<Long, String> sampledIds = new ConcurrentHashMap<>();
    private final long sampleEvery;

    Producers(ScaleSettings settings, String topic, String namesrvAddr) throws Exception {
        this.settings = settings;
        this.topic = topic;
        this.sampleEvery = Math.max(1, settings.total() / settings.lookups());
        producer = new DefaultMQProducer("scale_bench_producer");
        producer.setNamesrvAddr(namesrvAddr);
        producer.setInstanceName("scale-bench-" + System.nanoTime());
        producer.setSendMsgTimeout(30_000);
        producer.setMaxMessageSize(8 * 1024 * 1024);
        producer.start();
    }

    /** Messages acknowledged so far (the fill topic must hold exactly these). */
    long acked() {
        return acked.sum();
    }

    long failed() {
        return failed.sum();
    }

    String firstError() {
        return firstError.get();
    }

    /** id to offset message id of the messages sent alone during the fill. */
    ConcurrentHashMap<Long, String> sampledIds() {
        return sampledIds;
    }

    /** Sends {@code count} more messages (failures are counted, not retried); returns the rate, msg/s. */
    double fill(long count) throws InterruptedException {
        long target = lastId.get() + count;
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < settings.fillThreads(); t++) {
            Thread thread = new Thread(() -> fillLoop(target), "scale-fill-" + t);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return count / Math.max(1e-9, (System.nanoTime() - start) / 1e9);
    }

    private void fillLoop(long target) {
        List<Message> batch = new ArrayList<>(settings.fillBatch());
        while (true) {
            long sampled = 0;
            synchronized (lastId) {
                long left = target - lastId.get();
                for (int i = 0; i < Math.min(left, settings.fillBatch()); i++) {
                    long id = lastId.incrementAndGet();
                    if (id % sampleEvery == 0) {
                        sampled = id;
                        break;
                    }
                    batch.add(message(id));
                }
            }
            if (batch.isEmpty() && sampled == 0) {
                return;
            }
            if (!batch.isEmpty()) {
                sendBatch(batch);
            }
            if (sampled != 0) {
                SendResult result = sendOne(sampled);
                if (result != null) {
                    sampledIds.put(sampled, result.getOffsetMsgId());
                }
            }
            batch.clear();
        }
    }

    /** The measured produce scenario; messages go to the fill topic and count as stored. */
    MeasuredPeriod.Measured produceWindow(long brokerPid, LongAdder measuredAcks) throws InterruptedException {
        LongAdder acks = new LongAdder();
        List<Thread> threads = new ArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        for (int t = 0; t < settings.produceThreads(); t++) {
            Thread thread = new Thread(() -> {
                while (!stop.get()) {
                    if (sendOne(nextId()) != null) {
                        acks.increment();
                    }
                }
            }, "scale-produce-" + t);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        Thread.sleep(settings.warmupSeconds() * 1000L);
        acks.reset();
        MeasuredPeriod period = MeasuredPeriod.start(brokerPid);
        Thread.sleep(settings.produceSeconds() * 1000L);
        long messages = acks.sum();
        MeasuredPeriod.Measured measured = period.stop();
        stop.set(true);
        for (Thread thread : threads) {
            thread.join();
        }
        measuredAcks.add(messages);
        return measured;
    }

    private long nextId() {
        synchronized (lastId) {
            return lastId.incrementAndGet();
        }
    }

    private Message message(long id) {
        Message message = new Message(topic, MessageBody.encode(id, System.nanoTime(), settings.bodySize()));
        message.setKeys(key(id));
        return message;
    }

    static String key(long id) {
        return "k" + id;
    }

    private void sendBatch(List<Message> batch) {
        try {
            SendResult result = producer.send(batch);
            if (result.getSendStatus() == SendStatus.SEND_OK) {
                acked.add(batch.size());
                return;
            }
            failed(batch.size(), "batch send status " + result.getSendStatus());
        } catch (Exception e) {
            failed(batch.size(), e.toString());
        }
    }

    private SendResult sendOne(long id) {
        try {
            SendResult result = producer.send(message(id));
            if (result.getSendStatus() == SendStatus.SEND_OK) {
                acked.increment();
                return result;
            }
            failed(1, "send status " + result.getSendStatus());
        } catch (Exception e) {
            failed(1, e.toString());
        }
        return null;
    }

    private void failed(int count, String error) {
        failed.add(count);
        if (firstError.compareAndSet(null, error)) {
            System.out.printf(Locale.ROOT, "scale: a send failed (reported once): %s%n", error);
        }
    }

    @Override
    public void close() {
        producer.shutdown();
    }
}
