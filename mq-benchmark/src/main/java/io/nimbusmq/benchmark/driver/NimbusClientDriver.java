package io.nimbusmq.benchmark.driver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.nimbusmq.client.ClientConfig;
import io.nimbusmq.client.Message;
import io.nimbusmq.client.MqClient;
import io.nimbusmq.client.ReceivedMessage;
import io.nimbusmq.client.SendResult;
import io.nimbusmq.client.SendStatus;
import io.nimbusmq.client.consumer.ConsumeStatus;
import io.nimbusmq.client.consumer.ConsumerConfig;
import io.nimbusmq.client.consumer.PushConsumer;
import io.nimbusmq.client.consumer.Subscription;
import io.nimbusmq.client.producer.Producer;
import io.nimbusmq.client.producer.ProducerConfig;
import io.nimbusmq.remoting.protocol.body.client.ConsumeFromWhere;

/**
 * Our own client ({@code io.nimbusmq.client} in mq-spring-boot-starter) with its default settings (the official
 * client's) except where a scenario says otherwise ({@link ConsumerOptions}). Every producer and consumer gets its own
 * {@link MqClient} (own instance name, own connections), as {@link OfficialClientDriver} does. Its load generator runs
 * on mq-benchmark's own classpath, which has the starter and its dependencies (see {@link ClientDrivers}).
 */
public final class NimbusClientDriver implements ClientDriver {

    private static final AtomicInteger INSTANCES = new AtomicInteger();
    /** Below {@link OfficialClientDriver#shutdownWithin}'s wait, so a slow drain still ends in a clean close. */
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);

    @Override
    public String name() {
        return ClientDrivers.NIMBUS;
    }

    @Override
    public String description() {
        String version = MqClient.class.getPackage().getImplementationVersion();
        return "io.nimbusmq:mq-spring-boot-starter " + (version != null ? version : "(this build)")
                + ", package io.nimbusmq.client";
    }

    @Override
    public DriverProducer startProducer(String namesrvAddr, String group) {
        MqClient client = client(namesrvAddr, "producer");
        try {
            Producer producer = client.producer(ProducerConfig.builder(group).build());
            producer.start();
            return new NimbusProducer(client, producer);
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    @Override
    public DriverConsumer startPushConsumer(String namesrvAddr, String group, String topic, ConsumerOptions options,
            MessageHandler handler) {
        MqClient client = client(namesrvAddr, "consumer");
        try {
            PushConsumer consumer = client.pushConsumer(consumerConfig(group, topic, options), messages -> {
                for (ReceivedMessage message : messages) {
                    handler.onMessage(message.body());
                }
                return ConsumeStatus.SUCCESS;
            });
            consumer.start();
            return () -> OfficialClientDriver.shutdownWithin(() -> {
                consumer.shutdown(DRAIN_TIMEOUT);
                client.close();
            }, "consumer " + group);
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    /** Clustering, every message of {@code topic}, a new group from the first offset, the scenario's batch size. */
    static ConsumerConfig consumerConfig(String group, String topic, ConsumerOptions options) {
        return ConsumerConfig.builder(group)
                .subscribe(Subscription.all(topic))
                .consumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET)
                .consumeBatchSize(options.consumeBatchSize())
                .shutdownDrainTimeout(DRAIN_TIMEOUT)
                .build();
    }

    private static MqClient client(String namesrvAddr, String role) {
        return MqClient.create(ClientConfig.builder().nameServer(namesrvAddr).instanceName(instanceName(role)).build());
    }

    private static String instanceName(String role) {
        return "bench-nimbus-" + role + "-" + ProcessHandle.current().pid() + "-" + INSTANCES.incrementAndGet();
    }

    /** The benchmark's "stored" is the official client's SEND_OK; other statuses arrive as results, failures throw. */
    static boolean stored(SendResult result) {
        return result.status() == SendStatus.SEND_OK;
    }

    private record NimbusProducer(MqClient client, Producer producer) implements DriverProducer {

        @Override
        public boolean sendSync(String topic, byte[] body) {
            return stored(producer.send(new Message(topic, body)));
        }

        @Override
        public void sendAsync(String topic, byte[] body, SendCallback callback) {
            try {
                producer.sendAsync(new Message(topic, body)).whenComplete((result, error) ->
                        callback.onComplete(error == null && stored(result), error));
            } catch (RuntimeException e) {
                callback.onComplete(false, e);
            }
        }

        @Override
        public void sendOneway(String topic, byte[] body) {
            producer.sendOneway(new Message(topic, body));
        }

        @Override
        public boolean sendBatch(String topic, List<byte[]> bodies) {
            List<Message> batch = new ArrayList<>(bodies.size());
            for (byte[] body : bodies) {
                batch.add(new Message(topic, body));
            }
            return stored(producer.sendBatch(batch));
        }

        @Override
        public void close() {
            OfficialClientDriver.shutdownWithin(() -> {
                producer.close();
                client.close();
            }, "producer " + producer.config().group());
        }
    }
}
