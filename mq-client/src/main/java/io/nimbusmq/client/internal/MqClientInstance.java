package io.nimbusmq.client.internal;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.nimbusmq.client.ClientConfig;
import io.nimbusmq.client.Connectivity;
import io.nimbusmq.client.DeadLetterResent;
import io.nimbusmq.client.MqClient;
import io.nimbusmq.client.TopicDescription;
import io.nimbusmq.client.consumer.ConsumerConfig;
import io.nimbusmq.client.consumer.ConsumerGroupMembers;
import io.nimbusmq.client.consumer.MessageHandler;
import io.nimbusmq.client.consumer.PullConsumer;
import io.nimbusmq.client.consumer.PullConsumerConfig;
import io.nimbusmq.client.consumer.PushConsumer;
import io.nimbusmq.client.internal.admin.DeadLetterResend;
import io.nimbusmq.client.internal.admin.TopicAdmin;
import io.nimbusmq.client.internal.consumer.ClientPullConsumer;
import io.nimbusmq.client.internal.consumer.ClientPushConsumer;
import io.nimbusmq.client.internal.consumer.ConsumerGroupQuery;
import io.nimbusmq.client.internal.producer.ClientProducer;
import io.nimbusmq.client.internal.producer.ReplyFutures;
import io.nimbusmq.client.internal.remoting.ClientRemoting;
import io.nimbusmq.client.internal.remoting.NameServerSelector;
import io.nimbusmq.client.internal.route.TopicRouteTable;
import io.nimbusmq.client.producer.Producer;
import io.nimbusmq.client.producer.ProducerConfig;
import io.nimbusmq.client.producer.TransactionChecker;
import io.nimbusmq.message.SystemTopics;
import io.nimbusmq.remoting.dispatch.NamedThreadFactory;
import io.nimbusmq.remoting.dispatch.ProcessorRegistry;
import io.nimbusmq.remoting.protocol.body.client.ConsumerData;
import io.nimbusmq.remoting.protocol.body.client.ProducerData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link MqClient}: wires the remoting client, the route table, the heartbeat and the producers and consumers of
 * one client id, and runs the periodic work (route refresh, heartbeats) on one scheduler thread. Blocking follow-ups
 * run on a worker pool.
 */
public final class MqClientInstance implements MqClient {

    private static final Logger log = LoggerFactory.getLogger(MqClientInstance.class);
    private static final String INNER_PRODUCER_GROUP = SystemTopics.CLIENT_INNER_PRODUCER;

    private final ClientConfig config;
    private final String clientId;
    private final ClientServices services;
    private final ClientRemoting remoting;
    private final TopicRouteTable routes;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService workers;
    private final HeartbeatSender heartbeats;
    private final Map<String, ClientProducer> producers = new ConcurrentHashMap<>();
    private final Map<String, ClientPushConsumer> consumers = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile ClientProducer innerProducer;
    private volatile BrokerRequestProcessor brokerRequests;

    private MqClientInstance(ClientConfig config) {
        this.config = config;
        this.clientId = clientIdOf(config);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("nimbus-client-timer", true));
        this.workers = Executors.newCachedThreadPool(new NamedThreadFactory("nimbus-client-worker", true));
        ProcessorRegistry registry = new ProcessorRegistry()
                .register((context, request) -> brokerRequests.processRequest(context, request), workers,
                        BrokerRequestProcessor.CODES);
        this.remoting = new ClientRemoting(new NameServerSelector(config.nameServers()), registry,
                config.credentials(), config.tls());
        this.heartbeats = new HeartbeatSender(remoting, clientId, config.requestTimeout().toMillis(),
                this::heartbeatGroups);
        this.routes = new TopicRouteTable(remoting, config.requestTimeout().toMillis(),
                address -> workers.execute(() -> heartbeat(address)));
        this.services = new ClientServices(config, clientId, remoting, routes, scheduler, workers, new ReplyFutures(),
                this::heartbeatAll);
        this.brokerRequests = new BrokerRequestProcessor(services, producers::get, consumers::get,
                () -> consumers.values().forEach(ClientPushConsumer::onConsumerIdsChanged));
        long routeMillis = config.routeRefreshInterval().toMillis();
        scheduler.scheduleWithFixedDelay(() -> workers.execute(routes::refreshAll), 10, routeMillis,
                TimeUnit.MILLISECONDS);
        long heartbeatMillis = config.heartbeatInterval().toMillis();
        scheduler.scheduleWithFixedDelay(() -> workers.execute(this::heartbeatAll), 1_000, heartbeatMillis,
                TimeUnit.MILLISECONDS);
    }

    public static MqClient create(ClientConfig config) {
        MqClientInstance client = new MqClientInstance(config);
        log.info("Client {} created (name servers {}{})", client.clientId, config.nameServers(),
                config.namespace() == null ? "" : ", namespace " + config.namespace());
        return client;
    }

    /** {@code ip@instanceName}; the default instance name becomes {@code pid#nanoTime}, as the official client's. */
    static String clientIdOf(ClientConfig config) {
        String instance = "DEFAULT".equals(config.instanceName())
                ? ProcessHandle.current().pid() + "#" + System.nanoTime() : config.instanceName();
        return config.clientIp() + "@" + instance;
    }

    @Override
    public ClientConfig config() {
        return config;
    }

    @Override
    public String clientId() {
        return clientId;
    }

    @Override
    public Producer producer(ProducerConfig producerConfig) {
        return register(producerConfig, null);
    }

    @Override
    public Producer transactionalProducer(ProducerConfig producerConfig, TransactionChecker checker) {
        return register(producerConfig, java.util.Objects.requireNonNull(checker, "checker"));
    }

    private Producer register(ProducerConfig producerConfig, TransactionChecker checker) {
        ensureOpen();
        String group = services.names().wrap(producerConfig.group());
        ClientProducer producer = new ClientProducer(services, producerConfig, checker,
                () -> unregister(group, true));
        if (producers.putIfAbsent(group, producer) != null) {
            throw new IllegalStateException("producer group " + group + " already has a producer in client "
                    + clientId);
        }
        return producer;
    }

    @Override
    public PullConsumer pullConsumer(PullConsumerConfig pullConfig) {
        ensureOpen();
        return new ClientPullConsumer(pullConfig,
                consumerConfig -> handler -> newPushConsumer(consumerConfig, handler));
    }

    @Override
    public PushConsumer pushConsumer(ConsumerConfig consumerConfig, MessageHandler handler) {
        ensureOpen();
        return newPushConsumer(consumerConfig, handler);
    }

    private ClientPushConsumer newPushConsumer(ConsumerConfig consumerConfig, MessageHandler handler) {
        String group = services.names().wrap(consumerConfig.group());
        ClientPushConsumer consumer = new ClientPushConsumer(services, consumerConfig, handler, this::innerProducer,
                () -> unregister(group, false));
        if (consumers.putIfAbsent(group, consumer) != null) {
            throw new IllegalStateException("consumer group " + group + " already has a consumer in client "
                    + clientId);
        }
        return consumer;
    }

    @Override
    public Optional<ConsumerGroupMembers> consumerGroupMembers(String group, String topic) {
        ensureOpen();
        NamespaceNames names = services.names();
        return new ConsumerGroupQuery(services).members(names.wrap(group), names.wrap(topic)).map(members -> {
            Map<String, io.nimbusmq.client.consumer.Subscription> subscriptions = new java.util.LinkedHashMap<>();
            members.subscriptions().forEach((wireTopic, s) -> subscriptions.put(names.unwrap(wireTopic),
                    new io.nimbusmq.client.consumer.Subscription(names.unwrap(s.topic()), s.type(), s.expression())));
            return new ConsumerGroupMembers(group, members.clientIds(), members.messageModel(), subscriptions);
        });
    }

    @Override
    public DeadLetterResent resendDeadLetter(String group, String msgId) {
        ensureOpen();
        DeadLetterResent resent = new DeadLetterResend(services).resend(services.names().wrap(group), msgId);
        return new DeadLetterResent(resent.brokerAddress(), resent.offsetMsgId(),
                services.names().unwrap(resent.topic()), resent.queueId(), resent.queueOffset());
    }

    @Override
    public Optional<TopicDescription> describeTopic(String topic) {
        ensureOpen();
        return new TopicAdmin(services).describe(services.names().wrap(topic))
                .map(description -> new TopicDescription(topic, description.brokers()));
    }

    @Override
    public Map<String, String> createTopic(String topic, int queues, Map<String, String> attributes) {
        ensureOpen();
        return new TopicAdmin(services).create(services.names().wrap(topic), queues, attributes);
    }

    @Override
    public Connectivity connectivity() {
        return remoting.reachability().snapshot(config.nameServers(), routes.allAddresses());
    }

    @Override
    public Connectivity probeNameServers(Duration timeout) {
        ensureOpen();
        List<CompletableFuture<Boolean>> probes = config.nameServers().stream()
                .map(address -> remoting.probeNameServer(address, Math.max(1, timeout.toMillis()))).toList();
        CompletableFuture.allOf(probes.toArray(CompletableFuture[]::new)).exceptionally(failure -> null).join();
        return connectivity();
    }

    /** The producer that consumers use to send failed messages to their retry topic themselves. */
    private ClientProducer innerProducer() {
        ClientProducer producer = innerProducer;
        if (producer == null) {
            synchronized (this) {
                if (innerProducer == null) {
                    innerProducer = new ClientProducer(services, ProducerConfig.builder(INNER_PRODUCER_GROUP).build(),
                            null, () -> { });
                }
                producer = innerProducer;
            }
        }
        return producer;
    }

    private HeartbeatSender.Groups heartbeatGroups() {
        Set<ProducerData> producerData = new LinkedHashSet<>();
        producerData.add(new ProducerData(INNER_PRODUCER_GROUP));
        producers.keySet().forEach(group -> producerData.add(new ProducerData(group)));
        Set<ConsumerData> consumerData = new LinkedHashSet<>();
        consumers.values().forEach(consumer -> consumer.consumerData().ifPresent(consumerData::add));
        return new HeartbeatSender.Groups(producerData, consumerData);
    }

    /** Masters always; slaves too while this client has consumers (they may pull from a slave), as the official. */
    private void heartbeatAll() {
        if (!closed.get()) {
            (consumers.isEmpty() ? routes.masterAddresses() : routes.allAddresses()).forEach(heartbeats::sendTo);
        }
    }

    private void heartbeat(String address) {
        if (!closed.get() && (!consumers.isEmpty() || routes.masterAddresses().contains(address))) {
            heartbeats.sendTo(address);
        }
    }

    private void unregister(String group, boolean producer) {
        if (producer) {
            producers.remove(group);
        } else {
            consumers.remove(group);
        }
        for (String address : producer ? routes.masterAddresses() : routes.allAddresses()) {
            heartbeats.unregister(address, producer ? group : null, producer ? null : group);
        }
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("client " + clientId + " is closed");
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        consumers.values().forEach(ClientPushConsumer::close);
        producers.values().forEach(ClientProducer::close);
        for (String address : routes.masterAddresses()) {
            heartbeats.unregister(address, INNER_PRODUCER_GROUP, null);
        }
        scheduler.shutdownNow();
        workers.shutdownNow();
        remoting.close();
        log.info("Client {} closed", clientId);
    }
}
