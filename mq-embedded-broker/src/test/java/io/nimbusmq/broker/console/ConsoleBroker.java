package io.nimbusmq.broker.console;

import static io.nimbusmq.testkit.OfficialClients.patient;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import io.nimbusmq.broker.EmbeddedBroker;
import io.nimbusmq.remoting.protocol.body.TopicConfig;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One broker with its console (on loopback, port 0, lag sampled every 200 ms) per test class, the official admin
 * client that checks what the console did, and the official clients a test starts (shut down after the class).
 *
 * <pre>{@code
 * @RegisterExtension
 * static final ConsoleBroker broker = new ConsoleBroker();
 * }</pre>
 */
final class ConsoleBroker implements BeforeAllCallback, AfterAllCallback {

    static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String RUN_ID = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(2);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    static {
        System.setProperty("rocketmq.client.logUseSlf4j", "true");
    }

    private final UnaryOperator<EmbeddedBroker.Builder> settings;
    private final Deque<Runnable> shutdowns = new ArrayDeque<>();
    private Path storeDir;
    private EmbeddedBroker broker;
    private DefaultMQAdminExt admin;
    private ConsoleHttp http;

    ConsoleBroker() {
        this(UnaryOperator.identity());
    }

    /** With extra broker settings (access control, TLS). */
    ConsoleBroker(UnaryOperator<EmbeddedBroker.Builder> settings) {
        this.settings = settings;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        storeDir = Files.createTempDirectory("nimbus-console-");
        broker = settings.apply(EmbeddedBroker.builder().port(0).storeDir(storeDir)
                .console(ConsoleConfig.onLoopback().withSampleIntervalMillis(200))).build();
        broker.start();
        http = new ConsoleHttp(broker.consoleUrl().orElseThrow());
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            while (!shutdowns.isEmpty()) {
                try {
                    shutdowns.pop().run();
                } catch (RuntimeException e) {
                    // a client that fails to stop must not keep the broker running
                }
            }
        } finally {
            if (broker != null) {
                broker.close();
            }
            deleteRecursively(storeDir);
        }
    }

    EmbeddedBroker broker() {
        return broker;
    }

    ConsoleHttp http() {
        return http;
    }

    String consoleUrl() {
        return broker.consoleUrl().orElseThrow();
    }

    /** The official admin client (mqadmin's), started on first use. */
    synchronized DefaultMQAdminExt admin() throws MQClientException {
        if (admin == null) {
            admin = new DefaultMQAdminExt();
            admin.setNamesrvAddr(broker.address());
            admin.setInstanceName(uniqueName("admin"));
            admin.setAdminExtGroup(uniqueName("admin_group"));
            admin.start();
            DefaultMQAdminExt started = admin;
            shutdowns.add(started::shutdown);
        }
        return admin;
    }

    static String uniqueName(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet() + "-" + RUN_ID;
    }

    /** A read-write topic with {@code queues} queues, made through the broker's topic table. */
    String createTopic(String prefix, int queues) {
        String topic = uniqueName(prefix);
        broker.runtime().topics().createOrUpdate(TopicConfig.of(topic, queues));
        return topic;
    }

    synchronized DefaultMQProducer producer() throws MQClientException {
        DefaultMQProducer producer = new DefaultMQProducer(uniqueName("pg"));
        producer.setNamesrvAddr(broker.address());
        producer.setInstanceName(uniqueName("producer"));
        patient(producer);
        producer.start();
        shutdowns.push(producer::shutdown);
        return producer;
    }

    /** Sends {@code count} messages with keys {@code <keyPrefix>-<i>} and bodies {@code {"n": i}}. */
    SendResult send(DefaultMQProducer producer, String topic, String keyPrefix, int count) throws Exception {
        SendResult last = null;
        for (int i = 0; i < count; i++) {
            Message message = new Message(topic, "TagA", keyPrefix + "-" + i,
                    ("{\"n\": " + i + "}").getBytes(StandardCharsets.UTF_8));
            last = producer.send(message);
        }
        return last;
    }

    /** A started push consumer of {@code group} on all of {@code topic}, from the first offset. */
    synchronized DefaultMQPushConsumer consumer(String group, String topic, MessageListenerConcurrently listener,
            int maxReconsumeTimes) throws MQClientException {
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(group);
        consumer.setNamesrvAddr(broker.address());
        consumer.setInstanceName(uniqueName("push"));
        patient(consumer);
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.setMaxReconsumeTimes(maxReconsumeTimes);
        consumer.setPullInterval(0);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener(listener);
        consumer.start();
        shutdowns.push(consumer::shutdown);
        return consumer;
    }

    /** Waits until the consume queues of {@code topic} hold {@code count} messages (dispatch is asynchronous). */
    void awaitStored(String topic, long count) {
        int queues = broker.runtime().topics().find(topic).writeQueueNums();
        await("messages of " + topic + " dispatched").atMost(PATIENCE).until(() -> {
            long sum = 0;
            for (int queueId = 0; queueId < queues; queueId++) {
                sum += broker.messageStore().maxOffsetInQueue(topic, queueId);
            }
            return sum == count;
        });
    }

    /** Waits until the group committed offsets on {@code topic} that sum to {@code total}. */
    void awaitCommitted(String group, String topic, long total) {
        await("offsets of " + group).atMost(PATIENCE).until(() -> broker.runtime().offsets().offsets(group, topic)
                .values().stream().mapToLong(Long::longValue).sum() == total);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
