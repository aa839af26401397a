package io.nimbusmq.testkit;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.rocketmq.auth.authentication.enums.UserType;
import org.apache.rocketmq.auth.authentication.model.User;
import org.apache.rocketmq.auth.authentication.provider.DefaultAuthenticationProvider;
import org.apache.rocketmq.auth.authentication.provider.LocalAuthenticationMetadataProvider;
import org.apache.rocketmq.auth.authorization.enums.Decision;
import org.apache.rocketmq.auth.authorization.model.Acl;
import org.apache.rocketmq.auth.authorization.model.Resource;
import org.apache.rocketmq.auth.authorization.provider.DefaultAuthorizationProvider;
import org.apache.rocketmq.auth.authorization.provider.LocalAuthorizationMetadataProvider;
import org.apache.rocketmq.auth.config.AuthConfig;
import org.apache.rocketmq.broker.BrokerController;
import org.apache.rocketmq.common.BrokerConfig;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.action.Action;
import org.apache.rocketmq.namesrv.NamesrvController;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyServerConfig;
import org.apache.rocketmq.store.config.MessageStoreConfig;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Apache RocketMQ, in this JVM, for interop tests: the 5.2.0 name server ({@code rocketmq-namesrv} 5.3.1 is not
 * on Maven Central) and a 5.3.1 broker, both on 127.0.0.1, with their store and config in a temporary directory that
 * is deleted afterwards. One per test class:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final ApacheRocketMq rocketmq = new ApacheRocketMq();
 *
 * String namesrv = rocketmq.nameServerAddress();          // "127.0.0.1:port" for any client
 * String topic = rocketmq.createTopic("orders", 4);      // unique name, routed when this returns
 * rocketmq.closeAfterTest(someClient);                   // closed after the current test
 * }</pre>
 *
 * <p>How it runs in one JVM with our code:
 * <ul>
 *   <li>{@code rocketmq.remoting.version=475} is set before any RocketMQ class loads; otherwise the broker registers
 *       with version 0 and the name server drops its topics.</li>
 *   <li>Apache's code runs on the Spring Boot BOM's Netty 4.2 modules; {@code netty-all} 4.1 is excluded from the
 *       test dependencies (see the commented block in this module's pom.xml).</li>
 *   <li>The broker needs its port, port − 2 (its "VIP" channel) and an HA port free, so ports are picked here rather
 *       than with port 0.</li>
 *   <li>Small stores: 64 MiB commit-log segments; transaction check-back every second for half messages older than
 *       one second (op messages batched every 100 ms rather than 3 s, so that no ended transaction is checked), and
 *       delay levels of one or two seconds ({@link #DELAY_LEVELS}), so check-back and retry tests take seconds, not
 *       minutes; SQL92 filtering enabled; no fast failure of requests that waited in the broker's queues (the test
 *       machine is loaded).</li>
 * </ul>
 * TLS is permissive with a self-signed certificate (Apache's default with no TLS settings): clients may connect with
 * TLS or without. ACL 1.0 is off unless {@link #withPlainAcl(String)} is called before the start, ACL 2.0 unless
 * {@link #withAuth(String, String)} is.
 *
 * <p>Start-up takes about two seconds. The broker writes its own logs under {@code ~/logs/rocketmqlogs}.
 */
public final class ApacheRocketMq implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    /** Generous upper bound for anything that should take a second or two. */
    public static final Duration PATIENCE = Duration.ofSeconds(60);
    public static final String CLUSTER = "InteropCluster";
    public static final String BROKER_NAME = "interop-broker-a";
    /**
     * The 18 delay levels, shortened so that retries (level 3 + reconsume times) come back within seconds; level 1
     * keeps its real 1 s.
     */
    public static final String DELAY_LEVELS = "1s 2s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s";

    private static final String RUN_ID = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(2);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    static {
        InProcessApache.prepareJvm();
    }

    private final Deque<AutoCloseable> closeAfterTest = new ArrayDeque<>();
    private String plainAcl;
    private User superUser;
    private Path home;
    private NamesrvController nameServer;
    private BrokerController broker;
    private String nameServerAddress;

    /**
     * Turns ACL 1.0 on ({@code aclEnable}) with this {@code plain_acl.yml} content; call before the start. Every
     * client must then sign its requests; refusals come back as SYSTEM_ERROR with an {@code AclException} remark.
     *
     * <pre>{@code
     * @RegisterExtension
     * static final ApacheRocketMq rocketmq = new ApacheRocketMq().withPlainAcl(Files.readString(aclFile));
     * }</pre>
     */
    public ApacheRocketMq withPlainAcl(String plainAclYaml) {
        this.plainAcl = plainAclYaml;
        return this;
    }

    /**
     * Turns ACL 2.0 on ({@code authenticationEnabled} and {@code authorizationEnabled}, Apache's default providers,
     * users and ACLs in RocksDB under the temporary directory) with {@code username} as the initial super user
     * ({@code initAuthenticationUser}); call before the start. Every client must then sign its requests as a user;
     * refusals come back as NO_PERMISSION. Add users with {@link #createUser} and {@link #allow}.
     */
    public ApacheRocketMq withAuth(String username, String password) {
        this.superUser = User.of(username, password, UserType.SUPER);
        return this;
    }

    /** Creates a normal ACL 2.0 user (after the start, with {@link #withAuth} on). */
    public void createUser(String username, String password) {
        broker.getAuthenticationMetadataManager().createUser(User.of(username, password, UserType.NORMAL)).join();
    }

    /**
     * Allows {@code username} the {@code actions} ({@code Pub}, {@code Sub}, ...) on the {@code resources}
     * ({@code Topic:orders}, {@code Group:billing*}, ...), from any address.
     */
    public void allow(String username, List<String> resources, List<String> actions) {
        broker.getAuthorizationMetadataManager().createAcl(Acl.of(User.of(username), Resource.of(resources),
                actions.stream().map(Action::getByName).toList(), null, Decision.ALLOW)).join();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    /** Starts the name server and the broker; for use outside JUnit too. */
    public void start() throws Exception {
        home = Files.createTempDirectory("apache-rocketmq-");
        System.setProperty("rocketmq.client.localOffsetStoreDir", home.resolve("client-offsets").toString());
        int nameServerPort = InProcessApache.freePort();
        nameServer = InProcessApache.startNameServer(home, nameServerPort);
        nameServerAddress = "127.0.0.1:" + nameServerPort;

        BrokerConfig brokerConfig = InProcessApache.brokerConfig(home, CLUSTER, BROKER_NAME, nameServerAddress);
        if (plainAcl != null) {
            // PlainPermissionManager reads <rocketmq.home.dir>/conf/plain_acl.yml, from the system property
            Files.createDirectories(home.resolve("conf"));
            Files.writeString(home.resolve("conf").resolve("plain_acl.yml"), plainAcl);
            System.setProperty("rocketmq.home.dir", home.toString());
            brokerConfig.setAclEnable(true);
        }
        NettyServerConfig brokerNetty = InProcessApache.loopback(InProcessApache.freeBrokerPort());
        MessageStoreConfig storeConfig = InProcessApache.storeConfig(home.resolve("store"));
        broker = new BrokerController(brokerConfig, brokerNetty, new NettyClientConfig(), storeConfig,
                authConfig());
        if (!broker.initialize()) {
            throw new IllegalStateException("Apache broker did not initialize");
        }
        broker.start();
        await("Apache broker registered").atMost(PATIENCE)
                .until(() -> nameServer.getRouteInfoManager().pickupTopicRouteData("TBW102") != null);
    }

    /** ACL 2.0 settings, or {@code null} (off); a name of its own, as Apache caches providers by config name. */
    private AuthConfig authConfig() {
        if (superUser == null) {
            return null;
        }
        AuthConfig auth = new AuthConfig();
        auth.setConfigName("interop-" + RUN_ID + "-" + SEQUENCE.incrementAndGet());
        auth.setClusterName(CLUSTER);
        auth.setAuthConfigPath(home.resolve("auth").toString());
        auth.setAuthenticationEnabled(true);
        auth.setAuthenticationProvider(DefaultAuthenticationProvider.class.getName());
        auth.setAuthenticationMetadataProvider(LocalAuthenticationMetadataProvider.class.getName());
        auth.setAuthorizationEnabled(true);
        auth.setAuthorizationProvider(DefaultAuthorizationProvider.class.getName());
        auth.setAuthorizationMetadataProvider(LocalAuthorizationMetadataProvider.class.getName());
        auth.setInitAuthenticationUser("{\"username\":\"" + superUser.getUsername() + "\",\"password\":\""
                + superUser.getPassword() + "\"}");
        return auth;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        closeTestResources();
    }

    /** Closes what {@link #closeAfterTest} collected, newest first. */
    public void closeTestResources() {
        synchronized (closeAfterTest) {
            while (!closeAfterTest.isEmpty()) {
                try {
                    closeAfterTest.pop().close();
                } catch (Exception e) {
                    // a failed close must not hide the test's own outcome
                }
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        stop();
    }

    /** Stops the broker and the name server and deletes their files. */
    public void stop() throws IOException {
        closeTestResources();
        if (broker != null) {
            broker.shutdown();
        }
        if (nameServer != null) {
            nameServer.shutdown();
        }
        InProcessApache.deleteRecursively(home);
    }

    /** {@code "127.0.0.1:port"} of the name server. */
    public String nameServerAddress() {
        return nameServerAddress;
    }

    /** {@code "127.0.0.1:port"} of the broker. */
    public String brokerAddress() {
        return broker.getBrokerAddr();
    }

    public BrokerController brokerController() {
        return broker;
    }

    public NamesrvController nameServerController() {
        return nameServer;
    }

    /** A name no other test of this JVM uses: {@code prefix-<sequence>-<run id>}, valid for topics and groups. */
    public static String uniqueName(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet() + "-" + RUN_ID;
    }

    public <T extends AutoCloseable> T closeAfterTest(T closeable) {
        synchronized (closeAfterTest) {
            closeAfterTest.push(closeable);
        }
        return closeable;
    }

    /** Creates a read-write topic with {@code queues} queues and waits until the name server routes it. */
    public String createTopic(String prefix, int queues) {
        String topic = uniqueName(prefix);
        broker.getTopicConfigManager().updateTopicConfig(new TopicConfig(topic, queues, queues, 6));
        broker.registerBrokerAll(true, false, true);
        await("route of " + topic).atMost(PATIENCE)
                .until(() -> nameServer.getRouteInfoManager().pickupTopicRouteData(topic) != null);
        return topic;
    }
}
