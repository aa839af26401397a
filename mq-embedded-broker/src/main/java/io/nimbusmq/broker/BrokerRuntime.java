package io.nimbusmq.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.netty.channel.Channel;
import io.nimbusmq.broker.auth.AccessCheck;
import io.nimbusmq.broker.auth.AclRules;
import io.nimbusmq.broker.auth.AclPreprocessor;
import io.nimbusmq.broker.auth.acl2.AuthConfig;
import io.nimbusmq.broker.auth.acl2.PolicyAccessControl;
import io.nimbusmq.broker.auth.acl2.UserPolicyStore;
import io.nimbusmq.broker.auth.plain.AclConfig;
import io.nimbusmq.broker.auth.plain.AclFileWatcher;
import io.nimbusmq.broker.auth.plain.PlainAccessControl;
import io.nimbusmq.broker.client.ClientHousekeepingConfig;
import io.nimbusmq.broker.client.ClientHousekeepingService;
import io.nimbusmq.broker.client.ConsumerIdsChangeNotifier;
import io.nimbusmq.broker.client.ConsumerManager;
import io.nimbusmq.broker.client.ProducerManager;
import io.nimbusmq.broker.client.RebalanceLockManager;
import io.nimbusmq.broker.config.BrokerConfigView;
import io.nimbusmq.broker.config.RuntimeSettings;
import io.nimbusmq.broker.console.ConsoleConfig;
import io.nimbusmq.broker.console.api.ConsoleServer;
import io.nimbusmq.broker.console.data.BrokerConsoleData;
import io.nimbusmq.broker.console.data.LocalAdmin;
import io.nimbusmq.broker.filter.SubscriptionFilters;
import io.nimbusmq.broker.longpolling.MessageArrivalDispatcher;
import io.nimbusmq.broker.longpolling.PullRequestHoldService;
import io.nimbusmq.broker.metrics.BrokerMetrics;
import io.nimbusmq.broker.metrics.MetricsEndpoint;
import io.nimbusmq.broker.offset.ConsumerOffsetTable;
import io.nimbusmq.broker.processor.AuthAdminProcessor;
import io.nimbusmq.broker.processor.BrokerConfigProcessor;
import io.nimbusmq.broker.processor.BrokerStatsProcessor;
import io.nimbusmq.broker.processor.ClientManageProcessor;
import io.nimbusmq.broker.processor.ConsumerAdminProcessor;
import io.nimbusmq.broker.processor.ConsumerChecks;
import io.nimbusmq.broker.processor.ConsumerOffsetProcessor;
import io.nimbusmq.broker.processor.ConsumerProgressProcessor;
import io.nimbusmq.broker.processor.ConsumerSendMsgBackProcessor;
import io.nimbusmq.broker.processor.DeadLetterProcessor;
import io.nimbusmq.broker.processor.EndTransactionProcessor;
import io.nimbusmq.broker.processor.LockProcessor;
import io.nimbusmq.broker.processor.PullMessageProcessor;
import io.nimbusmq.broker.processor.QueryMessageProcessor;
import io.nimbusmq.broker.processor.ReplyMessageProcessor;
import io.nimbusmq.broker.processor.SendMessageProcessor;
import io.nimbusmq.broker.processor.SendRewrites;
import io.nimbusmq.broker.processor.SubscriptionGroupAdminProcessor;
import io.nimbusmq.broker.processor.SubscriptionLookup;
import io.nimbusmq.broker.processor.TopicAdminProcessor;
import io.nimbusmq.broker.registration.BrokerIdentity;
import io.nimbusmq.broker.registration.BrokerRegistrationService;
import io.nimbusmq.broker.registration.LocalNameServerRegistrar;
import io.nimbusmq.broker.registration.NameServerRegistrar;
import io.nimbusmq.broker.registration.RemoteNameServerRegistrar;
import io.nimbusmq.broker.retry.RetryTopics;
import io.nimbusmq.broker.schedule.ScheduleRewriter;
import io.nimbusmq.broker.schedule.TimerMessageService;
import io.nimbusmq.broker.stats.BrokerStats;
import io.nimbusmq.broker.stats.ConsumeProgress;
import io.nimbusmq.broker.stats.MessageTrack;
import io.nimbusmq.broker.stats.RuntimeInfo;
import io.nimbusmq.broker.subscription.SubscriptionGroupTable;
import io.nimbusmq.broker.topic.TopicConfigTable;
import io.nimbusmq.broker.transaction.ProducerCheckSender;
import io.nimbusmq.broker.transaction.TransactionLog;
import io.nimbusmq.broker.transaction.TransactionalMessageService;
import io.nimbusmq.message.SystemTopics;
import io.nimbusmq.namesrv.NameServer;
import io.nimbusmq.remoting.dispatch.ProcessorRegistry;
import io.nimbusmq.remoting.netty.ChannelEventListener;
import io.nimbusmq.remoting.netty.NettyRemotingClient;
import io.nimbusmq.remoting.netty.NettyRemotingServer;
import io.nimbusmq.remoting.netty.RemotingClientConfig;
import io.nimbusmq.remoting.netty.RemotingConfig;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.store.DefaultMessageStore;
import io.nimbusmq.store.MessageStore;
import io.nimbusmq.store.StoreConfig;
import io.nimbusmq.store.retention.DiskUsageProbe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running broker: builds the parts from a {@link BrokerConfig}, registers one processor per request family on its
 * own executor, binds the port and keeps the parts for shutdown. Holds no logic of its own.
 */
public final class BrokerRuntime {

    private static final Logger log = LoggerFactory.getLogger(BrokerRuntime.class);
    private static final long OFFSET_PERSIST_INTERVAL_MILLIS = 5_000;
    private static final long FILTER_CLEANUP_INTERVAL_MILLIS = 30_000;

    private final BrokerConfig config;
    private final DefaultMessageStore store;
    private final TopicConfigTable topics;
    private final ConsumerOffsetTable offsets;
    private final SubscriptionGroupTable groups;
    private final ConsumerManager consumers;
    private final ProducerManager producers;
    private final BrokerExecutors executors;
    private final ScheduledExecutorService scheduler;
    private ProcessorRegistry registry;
    private SubscriptionFilters filters;
    private NameServer nameServer;
    private NettyRemotingServer server;
    private NettyRemotingClient nameServerClient;
    private ClientHousekeepingService housekeeping;
    private PullRequestHoldService holdService;
    private BrokerRegistrationService registration;
    private TimerMessageService timerService;
    private TransactionalMessageService transactions;
    private BrokerStats stats;
    private ConsumeProgress progress;
    private MessageTrack track;
    private AclFileWatcher aclWatcher;
    private UserPolicyStore userPolicies;
    private ConsoleServer console;
    private MetricsEndpoint metrics;
    private volatile InetSocketAddress address;

    private BrokerRuntime(BrokerConfig config, DefaultMessageStore store, TopicConfigTable topics,
            ConsumerOffsetTable offsets, SubscriptionGroupTable groups, ConsumerManager consumers) {
        this.config = config;
        this.store = store;
        this.topics = topics;
        this.offsets = offsets;
        this.groups = groups;
        this.consumers = consumers;
        this.producers = new ProducerManager();
        this.executors = BrokerExecutors.create();
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "broker-scheduler");
            t.setDaemon(true);
            return t;
        });
    }

    static BrokerRuntime start(BrokerConfig config, Clock clock, ConsoleConfig consoleConfig) throws IOException {
        long started = System.nanoTime();
        StoreConfig storeConfig = config.storeSizes().applyTo(StoreConfig.production(config.messageStoreDir()))
                .withFlushMode(config.flushMode());
        DefaultMessageStore store = new DefaultMessageStore(storeConfig, clock, DiskUsageProbe.fileStore());
        // The store's recovery and first segment (disk) run beside the loading of the config tables and the assembly
        // of the processors (in a fresh JVM most of the class loading): neither touches the other's files, and the
        // port is bound only once both are done.
        StoreStart storeStart = StoreStart.begin(store);
        BrokerRuntime runtime = null;
        try {
            ConfigTables tables = ConfigTables.load(config, clock);
            AtomicReference<NettyRemotingServer> serverRef = new AtomicReference<>();
            ConsumerManager consumers = new ConsumerManager(new ConsumerIdsChangeNotifier(
                    (channel, command) -> serverRef.get().invokeOneway(channel, command)));
            runtime = new BrokerRuntime(config, store, tables.topics(), tables.offsets(), tables.groups(),
                    consumers);
            runtime.assemble(clock, serverRef);
            storeStart.await();
            runtime.startServices(clock, consoleConfig);
        } catch (IOException | RuntimeException e) {
            storeStart.join(); // however the store's start ended, it is stopped here
            if (runtime != null) {
                runtime.shutdown();
            } else {
                store.shutdown();
            }
            throw e;
        }
        log.info("Broker {} ready at {} in {} ms ({} name server)", config.brokerName(), runtime.address,
                (System.nanoTime() - started) / 1_000_000, config.embeddedNameServer() ? "embedded" : "external");
        return runtime;
    }

    /** The broker's topics, consumer offsets and subscription groups, loaded from {@code config/}. */
    private record ConfigTables(TopicConfigTable topics, ConsumerOffsetTable offsets, SubscriptionGroupTable groups) {

        static ConfigTables load(BrokerConfig config, Clock clock) throws IOException {
            TopicConfigTable topics = new TopicConfigTable(config.configDir().resolve("topics.json"),
                    config.autoCreateTopicEnable());
            topics.load();
            topics.createSystemTopics(config.clusterName(), config.brokerName());
            ConsumerOffsetTable offsets = new ConsumerOffsetTable(config.configDir().resolve(
                    "consumerOffset.json"));
            offsets.load();
            SubscriptionGroupTable groups = new SubscriptionGroupTable(config.configDir().resolve(
                    "subscriptionGroup.json"), config.operations().autoCreateSubscriptionGroup(), clock);
            groups.load();
            return new ConfigTables(topics, offsets, groups);
        }
    }

    /**
     * Builds the parts and registers the processors; binds nothing and reads nothing of the store, which may still be
     * starting (only ACL 1.0's file watcher starts, its file being no part of the store).
     */
    private void assemble(Clock clock, AtomicReference<NettyRemotingServer> serverRef) {
        // Client liveness (heartbeat expiry, queue locks) is real time, never the message clock: advancing a test's
        // manual clock by ten minutes moves delays and check-backs, and must not expire every live client.
        Clock liveness = Clock.systemUTC();
        RebalanceLockManager locks = new RebalanceLockManager(60_000);
        housekeeping = new ClientHousekeepingService(consumers, producers, locks, liveness,
                ClientHousekeepingConfig.defaults());
        stats = new BrokerStats(config.clusterName(), clock);
        ProcessorRegistry registry = new ProcessorRegistry();
        filters = new SubscriptionFilters(config.enablePropertyFilter(), SubscriptionFilters.DEFAULT_MAX_ENTRIES);
        PullMessageProcessor pull = new PullMessageProcessor(store, topics, offsets,
                new ConsumerChecks(groups, subscriptionLookup(), filters), stats, clock);
        timerService = new TimerMessageService(store, config.schedule(), clock, config.timerDir());
        ScheduleRewriter rewriter = new ScheduleRewriter(config.schedule(), clock);
        transactions = new TransactionalMessageService(new TransactionLog(store, () -> address, clock, topics),
                offsets, new ProducerCheckSender(producers, (channel, request) -> server.invokeOneway(channel,
                request), () -> address, config.brokerName()), config.transaction(), clock, rewriter);
        RetryTopics retryTopics = new RetryTopics(topics, group -> locks.hasUnexpiredLocks(group, liveness.millis()),
                groups::retryMaxTimes);
        registry.register(new SendMessageProcessor(store, topics, () -> address, config.clusterName(),
                        new SendRewrites(rewriter, retryTopics), stats), executors.send(), RequestCode.SEND_MESSAGE,
                        RequestCode.SEND_MESSAGE_V2, RequestCode.SEND_BATCH_MESSAGE)
                .register(new ConsumerSendMsgBackProcessor(store, retryTopics, rewriter, () -> address, stats),
                        executors.send(), RequestCode.CONSUMER_SEND_MSG_BACK)
                .register(new DeadLetterProcessor(store, topics, () -> address), executors.admin(),
                        RequestCode.RESEND_DEAD_LETTER)
                .register(new EndTransactionProcessor(transactions.resolver(), stats), executors.send(),
                        RequestCode.END_TRANSACTION)
                .register(pull, executors.pull(), RequestCode.PULL_MESSAGE, RequestCode.LITE_PULL_MESSAGE)
                .register(new QueryMessageProcessor(store), executors.query(), RequestCode.QUERY_MESSAGE,
                        RequestCode.VIEW_MESSAGE_BY_ID)
                .register(new ConsumerOffsetProcessor(store, offsets), executors.consumerManage(),
                        RequestCode.QUERY_CONSUMER_OFFSET, RequestCode.UPDATE_CONSUMER_OFFSET,
                        RequestCode.SEARCH_OFFSET_BY_TIMESTAMP, RequestCode.GET_MAX_OFFSET,
                        RequestCode.GET_MIN_OFFSET, RequestCode.GET_EARLIEST_MSG_STORETIME)
                .register(new ClientManageProcessor(consumers, producers, this::consumerGroupSeen,
                        filters::validate, liveness), executors.clientManage(),
                        ClientManageProcessor.requestCodes())
                .register(new LockProcessor(locks, liveness), executors.clientManage(), LockProcessor.requestCodes())
                .register(new ReplyMessageProcessor(store, topics, producers, consumers, (channel, request, timeout)
                        -> server.invokeSync(channel, request, timeout), () -> address, config.clusterName()),
                        executors.send(), ReplyMessageProcessor.requestCodes());
        registerAdmin(registry, clock);
        if (config.embeddedNameServer()) {
            nameServer = new NameServer();
            nameServer.registerProcessors(registry, executors.nameServer());
        }
        startAccessControl(registry, clock);
        holdService = new PullRequestHoldService(pull::rerun, executors.pull(), store::maxOffsetInQueue, clock, 100);
        pull.setHoldService(holdService);
        RemotingConfig remoting = RemotingConfig.defaults().withBindHost(config.bindHost()).withPort(config.port())
                .withTls(config.security().tls());
        server = new NettyRemotingServer(remoting, registry, channelEvents());
        serverRef.set(server);
        this.registry = registry;
    }

    /** Once the store has started: the timer service, the port, the background services, the registration. */
    private void startServices(Clock clock, ConsoleConfig consoleConfig) {
        stats.start(scheduler);
        startTimerService();
        InetSocketAddress bound = server.start();
        if (config.operations().vipChannelEnabled()) {
            listenOnVipChannel(bound.getPort());
        }
        String host = config.advertisedHost() != null ? config.advertisedHost() : bound.getAddress().getHostAddress();
        address = new InetSocketAddress(host, bound.getPort());
        store.addDispatcher(new MessageArrivalDispatcher(holdService));
        holdService.start();
        housekeeping.start();
        transactions.start();
        if (nameServer != null) {
            nameServer.start();
        }
        startRegistration();
        scheduler.scheduleAtFixedRate(this::persistOffsets, OFFSET_PERSIST_INTERVAL_MILLIS,
                OFFSET_PERSIST_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
        scheduler.scheduleAtFixedRate(() -> filters.retainGroups(group -> consumers.group(group).isPresent()),
                FILTER_CLEANUP_INTERVAL_MILLIS, FILTER_CLEANUP_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
        if (consoleConfig.enabled()) {
            startConsole(consoleConfig, registry);
        }
        if (config.operations().metricsEnabled()) {
            BrokerMetrics meters = new BrokerMetrics(new BrokerMetrics.Sources(stats, new ConsumeProgress(store,
                    topics, offsets, stats, config.brokerName()), offsets, store, producers, consumers),
                    config.clusterName(), config.brokerName(), clock);
            metrics = MetricsEndpoint.start(config.bindHost(), config.operations().metricsPort(), meters);
        }
    }

    /**
     * RocketMQ's "VIP channel": the same service on port − 2, which the admin tools and rocketmq-dashboard call
     * with their default {@code useVIPChannel=true}. Like RocketMQ, the broker does not start without it.
     */
    private void listenOnVipChannel(int port) {
        if (port <= 2) {
            throw new IllegalStateException("the VIP channel listens on port - 2, so the broker port must be above 2: "
                    + port);
        }
        server.listenAlso(port - 2);
    }

    /** The web console: reads the broker's parts, changes them through the registered admin processors. */
    private void startConsole(ConsoleConfig consoleConfig, ProcessorRegistry registry) {
        BrokerConsoleData data = new BrokerConsoleData(this, config, new LocalAdmin(registry), consoleConfig);
        try {
            List<Supplier<AclRules>> users = new ArrayList<>(2);
            if (userPolicies != null) {
                users.add(userPolicies::current);
            }
            if (aclWatcher != null) {
                users.add(aclWatcher::current);
            }
            console = ConsoleServer.start(consoleConfig, data, users,
                    ConsoleServer.sslContext(config.security().tls()));
        } catch (RuntimeException e) {
            data.close();
            throw e;
        }
    }

    /**
     * With ACL 2.0 and/or ACL 1.0 on, every request passes the access control first (signature, user, permissions);
     * ACL 2.0's users and policies are served to mqadmin by their own processor.
     */
    private void startAccessControl(ProcessorRegistry registry, Clock clock) {
        List<AccessCheck> checks = new ArrayList<>(2);
        AuthConfig auth = config.security().auth();
        if (auth.enabled()) {
            try {
                userPolicies = UserPolicyStore.open(config.configDir().resolve("acl"), auth.initUser());
            } catch (IOException e) {
                throw new UncheckedIOException("could not read the ACL 2.0 users and policies", e);
            }
            registry.register(new AuthAdminProcessor(userPolicies), executors.admin(),
                    AuthAdminProcessor.requestCodes());
            checks.add(new PolicyAccessControl(auth, userPolicies::current, config.clusterName()));
        }
        AclConfig acl = config.security().acl();
        if (acl.enabled()) {
            aclWatcher = new AclFileWatcher(acl.plainAclFile(), acl.reloadIntervalMillis()).start();
            checks.add(new PlainAccessControl(aclWatcher::current));
        }
        if (!checks.isEmpty()) {
            registry.preprocessor(new AclPreprocessor(checks, clock));
        }
    }

    /** Delayed and timer messages: the service that delivers them, fed by the store's dispatch. */
    private void startTimerService() {
        store.addDispatcher(timerService.dispatcher());
        try {
            timerService.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not load the timer log in " + config.timerDir(), e);
        }
    }

    private void startRegistration() {
        NameServerRegistrar registrar;
        if (nameServer != null) {
            registrar = new LocalNameServerRegistrar(nameServer.routeInfoManager());
        } else {
            nameServerClient = new NettyRemotingClient(RemotingClientConfig.defaults());
            registrar = new RemoteNameServerRegistrar(nameServerClient, config.nameServerAddresses(),
                    RemoteNameServerRegistrar.DEFAULT_TIMEOUT_MILLIS, config.security().nameServerCredentials());
        }
        BrokerIdentity identity = new BrokerIdentity(config.clusterName(), config.brokerName(),
                BrokerIdentity.MASTER_ID, address.getHostString() + ":" + address.getPort(), null);
        registration = new BrokerRegistrationService(identity, registrar, topics::all);
        topics.addChangeListener(topic -> registration.registerNow());
        registration.start();
        registration.registerNow().join();
    }

    /** What the admin tools and the dashboard call (docs/operations.md). */
    private void registerAdmin(ProcessorRegistry registry, Clock clock) {
        progress = new ConsumeProgress(store, topics, offsets, stats, config.brokerName());
        track = new MessageTrack(consumers, offsets, progress);
        RuntimeInfo runtimeInfo = new RuntimeInfo(store, stats, config.messageStoreDir(), executors::queues, clock);
        registry.register(new TopicAdminProcessor(store, topics, offsets, track, config.brokerName(),
                        () -> registration.registerNow()), executors.admin(), TopicAdminProcessor.requestCodes())
                .register(new ConsumerAdminProcessor(store, consumers, producers, config.brokerName(),
                        (channel, request, timeout) -> server.invokeSync(channel, request, timeout)),
                        executors.admin(), ConsumerAdminProcessor.requestCodes())
                .register(new ConsumerProgressProcessor(new ConsumerProgressProcessor.Tables(store, topics, offsets,
                        consumers, config.brokerName()), progress, (topic, queueId) ->
                        holdService.notifyMessageArrived(topic, queueId, Long.MAX_VALUE)), executors.admin(),
                        ConsumerProgressProcessor.requestCodes())
                .register(new SubscriptionGroupAdminProcessor(groups, offsets), executors.admin(),
                        SubscriptionGroupAdminProcessor.requestCodes())
                .register(new BrokerConfigProcessor(new BrokerConfigView(config, store.config(),
                        topics::isAutoCreateTopicEnable, groups::isAutoCreate), runtimeSettings(), () -> address,
                        clock), executors.admin(), BrokerConfigProcessor.requestCodes())
                .register(new BrokerStatsProcessor(new BrokerStatsProcessor.Sources(runtimeInfo, stats, progress,
                        groups, offsets, topics), () -> address), executors.admin(),
                        BrokerStatsProcessor.requestCodes());
    }

    /** The settings {@code mqadmin updateBrokerConfig} may change while the broker runs. */
    private RuntimeSettings runtimeSettings() {
        return new RuntimeSettings()
                .bool("autoCreateTopicEnable", topics::setAutoCreateTopicEnable)
                .bool("autoCreateSubscriptionGroup", groups::setAutoCreate);
    }

    /** A heartbeat named a consumer group: its subscription group (if it may be created) and retry topic. */
    private void consumerGroupSeen(String group) {
        groups.findOrCreate(group);
        topics.createSingleQueueTopicIfAbsent(SystemTopics.retryTopic(group));
    }

    private SubscriptionLookup subscriptionLookup() {
        return (group, topic) -> consumers.findSubscription(group, topic)
                .map(s -> new SubscriptionLookup.Subscription(s.expressionType(), s.subString(), s.subVersion()))
                .orElse(null);
    }

    private ChannelEventListener channelEvents() {
        return new ChannelEventListener() {
            @Override
            public void onClose(Channel channel) {
                housekeeping.onClose(channel);
                if (nameServer != null) {
                    nameServer.onChannelClosed(channel);
                }
            }
        };
    }

    private void persistOffsets() {
        try {
            offsets.persist();
        } catch (IOException e) {
            log.error("Could not persist consumer offsets", e);
        }
    }

    public InetSocketAddress address() {
        return address;
    }

    public MessageStore store() {
        return store;
    }

    public TopicConfigTable topics() {
        return topics;
    }

    public ConsumerOffsetTable offsets() {
        return offsets;
    }

    public SubscriptionGroupTable subscriptionGroups() {
        return groups;
    }

    public ConsumerManager consumers() {
        return consumers;
    }

    /** The client expiry scan; tests run {@code scanOnce()} instead of waiting for its interval. */
    public ClientHousekeepingService housekeeping() {
        return housekeeping;
    }

    public ProducerManager producers() {
        return producers;
    }

    /** Delivers delayed and timer messages. */
    public TimerMessageService timerService() {
        return timerService;
    }

    /** What the broker counted (docs/operations.md). */
    public BrokerStats stats() {
        return stats;
    }

    /** A group's progress per queue, as GET_CONSUME_STATS reports it. */
    public ConsumeProgress consumeProgress() {
        return progress;
    }

    /** Which groups consume a topic and whether each consumed a message (QUERY_TOPIC_CONSUME_BY_WHO). */
    public MessageTrack messageTrack() {
        return track;
    }

    public TransactionalMessageService transactions() {
        return transactions;
    }

    /** The web console's address, {@code http://host:port/}, when it is on. */
    public Optional<String> consoleUrl() {
        return Optional.ofNullable(console).map(ConsoleServer::url);
    }

    /** The Prometheus endpoint's address, {@code http://host:port/metrics}, when it is on. */
    public Optional<String> metricsUrl() {
        return Optional.ofNullable(metrics).map(MetricsEndpoint::url);
    }

    void shutdown() {
        List<Runnable> steps = List.of(
                () -> { if (console != null) console.close(); },
                () -> { if (metrics != null) metrics.close(); },
                () -> { if (registration != null) registration.shutdown(); },
                () -> { if (holdService != null) holdService.shutdown(); },
                () -> { if (transactions != null) transactions.shutdown(); },
                () -> { if (server != null) server.shutdown(); },
                () -> executors.shutdown(10_000),
                scheduler::shutdownNow,
                this::persistOffsets,
                () -> { if (housekeeping != null) housekeeping.shutdown(); },
                () -> { if (nameServer != null) nameServer.shutdown(); },
                () -> { if (nameServerClient != null) nameServerClient.close(); },
                () -> { if (timerService != null) timerService.shutdown(); },
                () -> { if (aclWatcher != null) aclWatcher.close(); },
                store::shutdown);
        for (Runnable step : steps) {
            try {
                step.run();
            } catch (RuntimeException e) {
                log.warn("Broker shutdown step failed", e);
            }
        }
        log.info("Broker {} stopped", config.brokerName());
    }
}
