package io.nimbusmq.benchmark.driver;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.MQVersion;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;

/**
 * The official {@code org.apache.rocketmq:rocketmq-client}, unchanged and with its default settings except where a
 * scenario says otherwise ({@link ConsumerOptions}). Every producer and consumer gets its own instance name, so its
 * own {@code MQClientInstance} and connections.
 */
public final class OfficialClientDriver implements ClientDriver {

    private static final AtomicInteger INSTANCES = new AtomicInteger();
    private static final long SHUTDOWN_WAIT_MILLIS = 20_000;

    /** Sends the heartbeats that {@link PullRejectedHeartbeat} asks for; never on a response thread. */
    private final ExecutorService heartbeats = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "bench-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    @Override
    public String name() {
        return ClientDrivers.OFFICIAL;
    }

    @Override
    public String description() {
        return "org.apache.rocketmq:rocketmq-client " + MQVersion.getVersionDesc(MQVersion.CURRENT_VERSION)
                .replace('_', '.').replaceFirst("^V", "");
    }

    @Override
    public DriverProducer startProducer(String namesrvAddr, String group) throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer(group);
        producer.setNamesrvAddr(namesrvAddr);
        producer.setInstanceName(instanceName("producer"));
        producer.start();
        return new Producer(producer);
    }

    @Override
    public DriverConsumer startPushConsumer(String namesrvAddr, String group, String topic, ConsumerOptions options,
            MessageHandler handler) throws Exception {
        PullRejectedHeartbeat hook = new PullRejectedHeartbeat(heartbeats);
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(group, hook);
        hook.attach(consumer);
        consumer.setNamesrvAddr(namesrvAddr);
        consumer.setInstanceName(instanceName("consumer"));
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.setConsumeMessageBatchMaxSize(options.consumeBatchSize());
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            for (MessageExt message : messages) {
                handler.onMessage(message.getBody());
            }
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        return () -> shutdownWithin(consumer::shutdown, "consumer " + group);
    }

    /**
     * Runs a client's shutdown, waiting at most {@link #SHUTDOWN_WAIT_MILLIS}: a client shutdown that hangs must not
     * hang the benchmark (the official client's may idle 3 s, and waits on its I/O thread to unregister).
     */
    static void shutdownWithin(Runnable shutdown, String what) {
        Thread thread = new Thread(shutdown, "bench-shutdown");
        thread.setDaemon(true);
        thread.start();
        try {
            thread.join(SHUTDOWN_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            System.out.println("warning: " + what + " still shutting down after " + SHUTDOWN_WAIT_MILLIS
                    + " ms; going on");
        }
    }

    private static String instanceName(String role) {
        return "bench-" + role + "-" + ProcessHandle.current().pid() + "-" + INSTANCES.incrementAndGet();
    }

    private record Producer(DefaultMQProducer producer) implements DriverProducer {

        @Override
        public boolean sendSync(String topic, byte[] body) throws Exception {
            return producer.send(new Message(topic, body)).getSendStatus() == SendStatus.SEND_OK;
        }

        @Override
        public void sendAsync(String topic, byte[] body, SendCallback callback) {
            try {
                producer.send(new Message(topic, body), new org.apache.rocketmq.client.producer.SendCallback() {
                    @Override
                    public void onSuccess(SendResult result) {
                        callback.onComplete(result.getSendStatus() == SendStatus.SEND_OK, null);
                    }

                    @Override
                    public void onException(Throwable e) {
                        callback.onComplete(false, e);
                    }
                });
            } catch (Exception e) {
                callback.onComplete(false, e);
            }
        }

        @Override
        public void sendOneway(String topic, byte[] body) throws Exception {
            producer.sendOneway(new Message(topic, body));
        }

        @Override
        public boolean sendBatch(String topic, List<byte[]> bodies) throws Exception {
            List<Message> batch = new ArrayList<>(bodies.size());
            for (byte[] body : bodies) {
                batch.add(new Message(topic, body));
            }
            return producer.send(batch).getSendStatus() == SendStatus.SEND_OK;
        }

        @Override
        public void close() {
            shutdownWithin(producer::shutdown, "producer " + producer.getProducerGroup());
        }
    }
}
