package io.nimbusmq.benchmark.receive;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import io.nimbusmq.broker.EmbeddedBroker;
import io.nimbusmq.client.ClientConfig;
import io.nimbusmq.client.Message;
import io.nimbusmq.client.MqClient;
import io.nimbusmq.client.consumer.ConsumerConfig;
import io.nimbusmq.client.consumer.PullConsumer;
import io.nimbusmq.client.consumer.PullConsumerConfig;
import io.nimbusmq.client.consumer.Subscription;
import io.nimbusmq.client.producer.Producer;
import io.nimbusmq.client.producer.ProducerConfig;
import io.nimbusmq.remoting.protocol.body.TopicConfig;
import io.nimbusmq.remoting.protocol.body.client.ConsumeFromWhere;
import org.apache.rocketmq.client.consumer.DefaultLitePullConsumer;

/**
 * Pull on demand, ours against the official: a backlog of {@code messages} bodies of {@code bodyBytes} is written to a
 * 4-queue topic of an embedded broker (not measured), then a lite-pull consumer in a new group polls it empty from the
 * first offset with auto commit, pull batch 32: our {@link PullConsumer} (what {@code MqTemplate.receive} uses), then
 * the official {@link DefaultLitePullConsumer} 5.3.1 on a second topic with the same backlog. The measured period runs
 * from the consumer's start to the last message polled, start-up and first rebalance included for both.
 *
 * <pre>
 * java -cp ... io.nimbusmq.benchmark.receive.ReceiveComparison [messages=200000] [bodyBytes=256]
 * </pre>
 */
public final class ReceiveComparison {

    private static final int QUEUES = 4;
    private static final int PULL_BATCH = 32;

    private ReceiveComparison() {
    }

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int bodyBytes = args.length > 1 ? Integer.parseInt(args[1]) : 256;
        Path store = Files.createTempDirectory("receive-comparison-");
        try (EmbeddedBroker broker = EmbeddedBroker.builder().port(0).storeDir(store).build()) {
            broker.start();
            try (MqClient client = MqClient.create(ClientConfig.builder().nameServer(broker.address())
                    .instanceName("receive-comparison").requestTimeout(Duration.ofSeconds(10)).build())) {
                String ours = backlog(broker, client, "receive-nimbus", messages, bodyBytes);
                String official = backlog(broker, client, "receive-official", messages, bodyBytes);
                double oursRate = messages / nimbus(client, ours, messages);
                double officialRate = messages / official(broker.address(), official, messages);
                System.out.printf("receive of %d messages of %d bytes, pull batch %d, %d queues%n", messages,
                        bodyBytes, PULL_BATCH, QUEUES);
                System.out.printf("  Nimbus PullConsumer:            %,10.0f msg/s%n", oursRate);
                System.out.printf("  official DefaultLitePullConsumer: %,8.0f msg/s%n", officialRate);
            }
        } finally {
            try (Stream<Path> paths = Files.walk(store)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static String backlog(EmbeddedBroker broker, MqClient client, String topic, int messages, int bodyBytes) {
        broker.runtime().topics().createOrUpdate(TopicConfig.of(topic, QUEUES));
        Producer producer = client.producer(ProducerConfig.builder(topic + "-loader").build());
        producer.start();
        byte[] body = new byte[bodyBytes];
        List<Message> batch = new ArrayList<>();
        for (int i = 0; i < messages; i++) {
            batch.add(new Message(topic, body));
            if (batch.size() == PULL_BATCH || i == messages - 1) {
                producer.sendBatch(batch);
                batch.clear();
            }
        }
        producer.close();
        return topic;
    }

    /** Seconds from start to the last message polled by our pull consumer. */
    private static double nimbus(MqClient client, String topic, int messages) {
        long start = System.nanoTime();
        try (PullConsumer consumer = client.pullConsumer(PullConsumerConfig.subscribe(ConsumerConfig
                .builder(topic + "-group").subscribe(Subscription.all(topic)).pullBatchSize(PULL_BATCH)
                .consumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET).build()))) {
            consumer.start();
            int received = 0;
            while (received < messages) {
                received += consumer.poll(Duration.ofSeconds(5)).size();
            }
            return (System.nanoTime() - start) / 1e9;
        }
    }

    /** Seconds from start to the last message polled by the official lite-pull consumer. */
    private static double official(String nameServer, String topic, int messages) throws Exception {
        long start = System.nanoTime();
        DefaultLitePullConsumer consumer = new DefaultLitePullConsumer(topic + "-group");
        consumer.setNamesrvAddr(nameServer);
        consumer.setInstanceName("receive-comparison-official");
        consumer.setPullBatchSize(PULL_BATCH);
        consumer.setConsumeFromWhere(org.apache.rocketmq.common.consumer.ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(topic, "*");
        consumer.start();
        try {
            int received = 0;
            while (received < messages) {
                received += consumer.poll(5_000).size();
            }
            return (System.nanoTime() - start) / 1e9;
        } finally {
            consumer.shutdown();
        }
    }
}
