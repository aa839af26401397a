package io.nimbusmq.compat;

import static io.nimbusmq.testkit.OfficialClients.patient;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import io.nimbusmq.broker.EmbeddedBroker;
import io.nimbusmq.remoting.protocol.body.TopicConfig;
import org.apache.rocketmq.client.consumer.DefaultLitePullConsumer;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.store.ReadOffsetType;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.remoting.protocol.route.TopicRouteData;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The fixture of the official-client compatibility tests: one {@link EmbeddedBroker} per test class, on port 0 in a
 * temporary directory, plus the official clients a test needs (5.3.1; 5.5.0 in mq-client-versions/client55), each
 * with a unique group and instance name (so that no two share an {@code MQClientInstance}) and shut down after the
 * test, whatever its outcome.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final CompatBroker broker = new CompatBroker();
 * }</pre>
 *
 * <p>Topics a test consumes from are created with {@link #createTopic} (through the broker's own topic table, so the
 * fixture does not depend on the admin calls under test) and every name comes from {@link #uniqueName}, so tests of
 * one class never see each other's messages, groups or offsets.
 *
 * <p>Clients are shut down in the background after each test: the official client's shutdown may idle for up to 3 s
 * (its {@code NettyEventExecutor} polls its event queue every 3 s and is joined without an interrupt), and nothing in
 * the next test depends on the previous test's clients being gone. The class waits for every shutdown before it
 * stops the broker. A test that needs a client gone (a restart) calls {@code shutdown()} itself.
 */
final class CompatBroker implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    /** Generous upper bound for anything that should take a second or two. */
    static final Duration PATIENCE = Duration.ofSeconds(60);

    private static final String RUN_ID = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(2);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    static {
        System.setProperty("rocketmq.client.logUseSlf4j", "true");
        // Broadcasting consumers keep their offsets in local files; keep those under target/, not in the home dir
        System.setProperty("rocketmq.client.localOffsetStoreDir",
                Path.of("target", "compat-client-offsets").toAbsolutePath().toString());
    }

    private final UnaryOperator<EmbeddedBroker.Builder> settings;
    private final Deque<Runnable> shutdowns = new ArrayDeque<>();
    private final ExecutorService closer = Executors.newCachedThreadPool(daemon("compat-client-shutdown"));
    private final ExecutorService heartbeats = Executors.newSingleThreadExecutor(daemon("compat-heartbeat"));
    private Path storeDir;
    private EmbeddedBroker broker;
    private DefaultMQAdminExt admin;

    CompatBroker() {
        this(UnaryOperator.identity());
    }

    /** A broker whose scheduling runs on {@code clock}, e.g. a {@link io.nimbusmq.broker.time.ManualClock}. */
    CompatBroker(Clock clock) {
        this(builder -> builder.clock(clock));
    }

    /** A broker with extra settings, e.g. {@code builder -> builder.clock(manualClock)}. */
    CompatBroker(UnaryOperator<EmbeddedBroker.Builder> settings) {
        this.settings = settings;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        storeDir = Files.createTempDirectory("nimbus-compat-");
        startBrokerAndAdmin();
    }

    private void startBrokerAndAdmin() throws MQClientException {
        broker = settings.apply(EmbeddedBroker.builder().port(0).storeDir(storeDir)).build();
        broker.start();
        admin = new DefaultMQAdminExt();
        admin.setNamesrvAddr(address());
        admin.setInstanceName(uniqueName("admin"));
        admin.setAdminExtGroup(uniqueName("admin_group"));
        admin.start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        synchronized (shutdowns) {
            while (!shutdowns.isEmpty()) {
                closer.execute(shutdowns.pop());
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            awaitClientShutdowns();
        } finally {
            heartbeats.shutdownNow();
            if (admin != null) {
                admin.shutdown();
            }
            if (broker != null) {
                broker.close();
            }
            deleteRecursively(storeDir);
        }
    }

    /**
     * Stops the broker cleanly and starts a new one on the same store directory and settings (on a new port: clients
     * made before do not follow; make new ones). Waits for the shutdown of the clients of the current test first.
     */
    void restartWithNewClients() throws Exception {
        synchronized (shutdowns) {
            while (!shutdowns.isEmpty()) {
                shutdowns.pop().run();
            }
        }
        admin.shutdown();
        broker.close();
        startBrokerAndAdmin();
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    private void awaitClientShutdowns() throws Exception {
        closer.shutdown();
        if (!closer.awaitTermination(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("official clients did not shut down within " + PATIENCE);
        }
    }

    /**
     * Stops the broker cleanly and starts a new one on the same store directory and port, so that running clients
     * find it again (they reconnect on their next request or heartbeat).
     */
    void restart() {
        int port = broker.port();
        broker.close();
        broker = settings.apply(EmbeddedBroker.builder().port(port).storeDir(storeDir)).build();
        broker.start();
    }

    /** {@code "127.0.0.1:port"}: the name-server address and the broker address at once. */
    String address() {
        return broker.address();
    }

    EmbeddedBroker broker() {
        return broker;
    }

    /** A started admin client, shared by the tests of the class. */
    DefaultMQAdminExt admin() {
        return admin;
    }

    /** A name no other test of this JVM uses: {@code prefix-<sequence>-<run id>}, valid for topics and groups. */
    static String uniqueName(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet() + "-" + RUN_ID;
    }

    /** A started producer in a new group. */
    DefaultMQProducer startedProducer() throws MQClientException {
        DefaultMQProducer producer = new DefaultMQProducer(uniqueName("pg"));
        producer.setNamesrvAddr(address());
        producer.setInstanceName(uniqueName("producer"));
        patient(producer);
        producer.start();
        afterTest(producer::shutdown);
        return producer;
    }

    /**
     * A push consumer of {@code group}, not started: pulls without pause and reads new groups from the first offset.
     * Every call gives a new instance, so two calls with one group give two members of that group. It heartbeats
     * as soon as the broker calls its subscription stale ({@link StaleSubscriptionHeartbeat}).
     */
    DefaultMQPushConsumer pushConsumer(String group) {
        StaleSubscriptionHeartbeat hook = new StaleSubscriptionHeartbeat(heartbeats);
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(group, hook);
        hook.attach(consumer);
        consumer.setNamesrvAddr(address());
        consumer.setInstanceName(uniqueName("push"));
        patient(consumer);
        consumer.setPullInterval(0);
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        afterTest(consumer::shutdown);
        return consumer;
    }

    /** A lite pull consumer of {@code group}, not started, reading new groups from the first offset. */
    DefaultLitePullConsumer litePullConsumer(String group) {
        DefaultLitePullConsumer consumer = new DefaultLitePullConsumer(group);
        consumer.setNamesrvAddr(address());
        consumer.setInstanceName(uniqueName("lite"));
        patient(consumer);
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.setPollTimeoutMillis(1_000);
        afterTest(consumer::shutdown);
        return consumer;
    }

    /** Runs {@code shutdown} after the current test. */
    void afterTest(Runnable shutdown) {
        synchronized (shutdowns) {
            shutdowns.push(() -> {
                try {
                    shutdown.run();
                } catch (RuntimeException e) {
                    // a failed shutdown must not hide the test's own outcome
                }
            });
        }
    }

    /** Creates a read-write topic with {@code queues} queues and waits until the name server routes it. */
    String createTopic(String prefix, int queues) {
        String topic = uniqueName(prefix);
        broker.runtime().topics().createOrUpdate(TopicConfig.of(topic, queues));
        awaitRoute(topic, queues);
        return topic;
    }

    /**
     * Starts a push consumer in a new group on all of {@code topic} and waits until it received {@code expected}
     * messages and acknowledged everything stored, so that a duplicate would have shown up too.
     */
    Received consumeAll(String topic, int expected) throws MQClientException {
        awaitRoute(topic);
        Received received = new Received();
        DefaultMQPushConsumer consumer = pushConsumer(uniqueName("cg"));
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener(received.listener());
        consumer.start();
        await("messages of " + topic).atMost(PATIENCE).until(() -> received.size() >= expected);
        await("acknowledged offsets of " + topic).atMost(PATIENCE)
                .until(() -> consumedInMemory(consumer, topic) == storedMessages(topic));
        return received;
    }

    /** Waits until the name server answers a route for {@code topic}. */
    TopicRouteData awaitRoute(String topic) {
        return await("route of " + topic).atMost(PATIENCE).ignoreExceptions()
                .until(() -> admin.examineTopicRouteInfo(topic), route -> !route.getQueueDatas().isEmpty());
    }

    /** Waits until the name server answers a route for {@code topic} with {@code queues} readable queues. */
    TopicRouteData awaitRoute(String topic, int queues) {
        return await("route of " + topic).atMost(PATIENCE).ignoreExceptions()
                .until(() -> admin.examineTopicRouteInfo(topic),
                        route -> route.getQueueDatas().stream().mapToInt(q -> q.getReadQueueNums()).sum() == queues);
    }

    /** The queues of {@code topic} on this broker, by queue id. */
    List<MessageQueue> queues(String topic) {
        TopicConfig config = broker.runtime().topics().find(topic);
        int count = config == null ? 0 : config.readQueueNums();
        String brokerName = broker.config().brokerName();
        return Stream.iterate(0, q -> q < count, q -> q + 1).map(q -> new MessageQueue(topic, brokerName, q)).toList();
    }

    /** How many messages {@code topic} holds: the sum of its queues' max offsets (all queues start at 0 here). */
    long storedMessages(String topic) {
        return queues(topic).stream()
                .mapToLong(mq -> broker.messageStore().maxOffsetInQueue(topic, mq.getQueueId())).sum();
    }

    /** The sum of the offsets {@code group} committed to the broker on {@code topic}. */
    long committedOnBroker(String group, String topic) {
        return broker.runtime().offsets().offsets(group, topic).values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * The sum of the consume offsets a push consumer holds in memory for the queues of {@code topic} it is assigned:
     * it reaches {@link #storedMessages} only once every pulled message was consumed and acknowledged.
     */
    static long consumedInMemory(DefaultMQPushConsumer consumer, String topic) {
        var impl = consumer.getDefaultMQPushConsumerImpl();
        return impl.getRebalanceImpl().getProcessQueueTable().keySet().stream()
                .filter(mq -> mq.getTopic().equals(topic))
                .mapToLong(mq -> Math.max(0, impl.getOffsetStore().readOffset(mq, ReadOffsetType.READ_FROM_MEMORY)))
                .sum();
    }

    /** The queues of {@code topic} a push consumer is assigned now. */
    static List<MessageQueue> assignedQueues(DefaultMQPushConsumer consumer, String topic) {
        return consumer.getDefaultMQPushConsumerImpl().getRebalanceImpl().getProcessQueueTable().entrySet().stream()
                .filter(e -> e.getKey().getTopic().equals(topic) && !e.getValue().isDropped())
                .map(e -> e.getKey())
                .sorted()
                .toList();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
