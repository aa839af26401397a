package io.nimbusmq.testkit;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.rocketmq.broker.BrokerController;
import org.apache.rocketmq.common.BrokerConfig;
import org.apache.rocketmq.common.MixAll;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.stats.Stats;
import org.apache.rocketmq.common.stats.StatsItem;
import org.apache.rocketmq.namesrv.NamesrvController;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.protocol.route.BrokerData;
import org.apache.rocketmq.remoting.protocol.route.TopicRouteData;
import org.apache.rocketmq.store.config.BrokerRole;
import org.apache.rocketmq.store.config.MessageStoreConfig;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Apache RocketMQ cluster in this JVM, for tests of what one machine cannot show: a 5.2.0 name server and three
 * 5.3.1 brokers of cluster {@value #CLUSTER} on 127.0.0.1, with the small settings of {@link ApacheRocketMq}:
 *
 * <table>
 *   <tr><th>broker</th><th>brokerId</th><th>brokerRole</th><th>notes</th></tr>
 *   <tr><td>{@value #BROKER_A}</td><td>0</td><td>SYNC_MASTER</td><td>inSyncReplicas=2: a send is acknowledged once
 *       the slave has it</td></tr>
 *   <tr><td>{@value #BROKER_A}</td><td>1</td><td>SLAVE</td><td>replicates broker-a; serves pulls
 *       (slaveReadEnable)</td></tr>
 *   <tr><td>{@value #BROKER_B}</td><td>0</td><td>ASYNC_MASTER</td><td>no slave</td></tr>
 * </table>
 * All three have {@code slaveReadEnable=true}. One per test class:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final ApacheRocketMqCluster cluster = new ApacheRocketMqCluster();
 *
 * String topic = cluster.createTopic("orders", 4);   // 4 queues on each master, known to the slave
 * cluster.killMasterOfBrokerA();                      // a crash: no unregistration, connections drop
 * cluster.restartMasterOfBrokerA();                   // same ports and store; the slave reconnects
 * }</pre>
 *
 * <p>A killed master does not unregister from the name server: its connections close, as when a process dies, and
 * the name server drops it when it sees its channel close. Its store shuts down cleanly (a killed process keeps what
 * it wrote in the page cache; a power loss is not simulated). A slave learns new topics from its master once a minute
 * (SlaveSynchronize); {@link #createTopic} and {@link #synchronizeSlave()} run that synchronization at once and wait
 * for it. Start-up takes five to ten seconds.
 */
public final class ApacheRocketMqCluster implements BeforeAllCallback, AfterAllCallback {

    /** Generous upper bound for anything that should take a second or two. */
    public static final Duration PATIENCE = ApacheRocketMq.PATIENCE;
    public static final String CLUSTER = "DefaultCluster";
    public static final String BROKER_A = "broker-a";
    public static final String BROKER_B = "broker-b";

    static {
        InProcessApache.prepareJvm();
    }

    private Path home;
    private NamesrvController nameServer;
    private String nameServerAddress;
    private Node masterA;
    private Node slaveA;
    private Node masterB;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        stop();
    }

    /** Starts the name server, broker-a's master and slave and broker-b; for use outside JUnit too. */
    public void start() throws Exception {
        home = Files.createTempDirectory("apache-rocketmq-cluster-");
        System.setProperty("rocketmq.client.localOffsetStoreDir", home.resolve("client-offsets").toString());
        int nameServerPort = InProcessApache.freePort();
        nameServer = InProcessApache.startNameServer(home, nameServerPort);
        nameServerAddress = "127.0.0.1:" + nameServerPort;
        masterA = new Node(BROKER_A, MixAll.MASTER_ID, BrokerRole.SYNC_MASTER);
        slaveA = new Node(BROKER_A, 1, BrokerRole.SLAVE);
        masterB = new Node(BROKER_B, MixAll.MASTER_ID, BrokerRole.ASYNC_MASTER);
        for (Node node : List.of(masterA, slaveA, masterB)) {
            node.start();
        }
        await("all three brokers registered").atMost(PATIENCE).until(() -> routeOf("TBW102")
                .map(route -> route.getBrokerDatas().size() == 2 && addressesOf(route, BROKER_A).size() == 2)
                .orElse(false));
        awaitSlaveConnected();
    }

    /** Stops the brokers (in parallel: each takes seconds) and the name server, and deletes their files. */
    public void stop() throws IOException, InterruptedException {
        List<Thread> stopping = Stream.of(masterB, slaveA, masterA).filter(Objects::nonNull)
                .map(node -> new Thread(node::stop, "stop-" + node.brokerName + "-" + node.brokerId)).toList();
        stopping.forEach(Thread::start);
        for (Thread thread : stopping) {
            thread.join();
        }
        if (nameServer != null) {
            nameServer.shutdown();
        }
        InProcessApache.deleteRecursively(home);
    }

    /** {@code "127.0.0.1:port"} of the name server: the only setting an application needs. */
    public String nameServerAddress() {
        return nameServerAddress;
    }

    public NamesrvController nameServerController() {
        return nameServer;
    }

    /** {@code "127.0.0.1:port"} of the master of {@value #BROKER_A} or {@value #BROKER_B}, running or not. */
    public String masterAddress(String brokerName) {
        return (BROKER_A.equals(brokerName) ? masterA : masterB).address();
    }

    /** {@code "127.0.0.1:port"} of broker-a's slave. */
    public String slaveAddress() {
        return slaveA.address();
    }

    /** The running master of broker-a; null while it is killed. */
    public BrokerController masterOfBrokerA() {
        return masterA.controller;
    }

    public BrokerController slaveOfBrokerA() {
        return slaveA.controller;
    }

    public BrokerController masterOfBrokerB() {
        return masterB.controller;
    }

    /**
     * Creates a read-write topic with {@code queuesPerMaster} queues on each master, waits until the name server
     * routes both, and has broker-a's slave learn it.
     *
     * @return its unique name ({@link ApacheRocketMq#uniqueName})
     */
    public String createTopic(String prefix, int queuesPerMaster) {
        String topic = ApacheRocketMq.uniqueName(prefix);
        for (Node master : List.of(masterA, masterB)) {
            master.controller.getTopicConfigManager().updateTopicConfig(
                    new TopicConfig(topic, queuesPerMaster, queuesPerMaster, 6));
            master.controller.registerBrokerAll(true, false, true);
        }
        await("route of " + topic + " on both masters").atMost(PATIENCE)
                .until(() -> routeOf(topic).map(route -> route.getQueueDatas().size() == 2).orElse(false));
        synchronizeSlave();
        return topic;
    }

    /**
     * Runs the slave's synchronization with broker-a's master now (topics, consumer offsets, subscription groups, as
     * it does once a minute) and waits until the slave knows every topic the master has, retry topics included.
     */
    public void synchronizeSlave() {
        BrokerController master = masterA.controller;
        BrokerController slave = slaveA.controller;
        if (master == null) {
            throw new IllegalStateException("broker-a's master is not running");
        }
        await("broker-a's slave knows the master's topics").atMost(PATIENCE).until(() -> {
            slave.getSlaveSynchronize().syncAll();
            return slave.getTopicConfigManager().getTopicConfigTable().keySet()
                    .containsAll(master.getTopicConfigManager().getTopicConfigTable().keySet());
        });
    }

    /**
     * Kills broker-a's master: it stops without unregistering, its connections drop, and the name server removes it
     * when it sees its channel close. Returns once it is down.
     */
    public void killMasterOfBrokerA() {
        masterA.crash();
    }

    /**
     * Starts broker-a's master again on its ports and store, and waits until the name server routes it and its
     * slave replicates from it again.
     */
    public void restartMasterOfBrokerA() throws Exception {
        masterA.start();
        await("broker-a's master registered again").atMost(PATIENCE).until(() -> routeOf("TBW102")
                .map(route -> addressesOf(route, BROKER_A).containsKey(MixAll.MASTER_ID)).orElse(false));
        awaitSlaveConnected();
    }

    /** How many messages of {@code topic} broker-a's slave has served to consumer group {@code group} by pulls. */
    public long messagesServedBySlave(String topic, String group) {
        StatsItem item = slaveA.controller.getBrokerStatsManager().getStatsItem(Stats.GROUP_GET_NUMS,
                topic + "@" + group);
        return item == null ? 0 : item.getValue().sum();
    }

    /** The name server's current route of {@code topic}. */
    public Optional<TopicRouteData> routeOf(String topic) {
        return Optional.ofNullable(nameServer.getRouteInfoManager().pickupTopicRouteData(topic));
    }

    /** Broker id to address of {@code brokerName} in {@code route}; empty when the route has no such broker. */
    public static Map<Long, String> addressesOf(TopicRouteData route, String brokerName) {
        return route.getBrokerDatas().stream().filter(data -> data.getBrokerName().equals(brokerName))
                .map(BrokerData::getBrokerAddrs).findFirst().<Map<Long, String>>map(Map::copyOf).orElse(Map.of());
    }

    private void awaitSlaveConnected() {
        await("broker-a's slave connected to its master").atMost(PATIENCE)
                .until(() -> masterA.controller.getMessageStore().getHaService().getConnectionCount().get() > 0);
    }

    /** One broker of the cluster: fixed ports and store, so that it can crash and start again as it was. */
    private final class Node {
        private final String brokerName;
        private final long brokerId;
        private final BrokerRole role;
        private final int port;
        private final int haPort;
        private final Path storeRoot;
        private volatile CrashableBroker controller;

        Node(String brokerName, long brokerId, BrokerRole role) throws IOException {
            this.brokerName = brokerName;
            this.brokerId = brokerId;
            this.role = role;
            this.port = InProcessApache.freeBrokerPort();
            this.haPort = InProcessApache.freePort();
            this.storeRoot = home.resolve(brokerName + "-" + brokerId).resolve("store");
        }

        String address() {
            return "127.0.0.1:" + port;
        }

        void start() throws Exception {
            BrokerConfig brokerConfig = InProcessApache.brokerConfig(home, CLUSTER, brokerName, nameServerAddress);
            brokerConfig.setBrokerId(brokerId);
            brokerConfig.setSlaveReadEnable(true);
            MessageStoreConfig storeConfig = InProcessApache.storeConfig(storeRoot);
            storeConfig.setHaListenPort(haPort);
            storeConfig.setBrokerRole(role);
            if (role == BrokerRole.SYNC_MASTER) {
                storeConfig.setInSyncReplicas(2);
            }
            CrashableBroker broker = new CrashableBroker(brokerConfig, storeConfig, port);
            if (!broker.initialize()) {
                throw new IllegalStateException("Apache broker " + brokerName + "/" + brokerId + " did not initialize");
            }
            broker.start();
            controller = broker;
        }

        void crash() {
            CrashableBroker broker = controller;
            controller = null;
            if (broker != null) {
                broker.crash();
            }
        }

        void stop() {
            CrashableBroker broker = controller;
            controller = null;
            if (broker != null) {
                broker.shutdown();
            }
        }
    }

    /** A broker whose {@link #crash()} skips the unregistration a clean shutdown sends to the name servers. */
    private static final class CrashableBroker extends BrokerController {
        private volatile boolean crashing;

        CrashableBroker(BrokerConfig brokerConfig, MessageStoreConfig storeConfig, int port) {
            super(brokerConfig, InProcessApache.loopback(port), new NettyClientConfig(), storeConfig);
        }

        /**
         * Closes the client and name server connections first, as a dying process loses all its sockets at once (a
         * clean shutdown keeps the name server connections until its services have stopped, seconds later), then
         * shuts down without unregistering.
         */
        void crash() {
            crashing = true;
            getRemotingServer().shutdown();
            getBrokerOuterAPI().shutdown();
            shutdown();
        }

        @Override
        protected void unregisterBrokerAll() {
            if (!crashing) {
                super.unregisterBrokerAll();
            }
        }
    }
}
