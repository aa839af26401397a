package io.nimbusmq.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.nimbusmq.broker.EmbeddedBroker;
import io.nimbusmq.broker.auth.acl2.AuthConfig;
import io.nimbusmq.remoting.protocol.body.TopicConfig;
import org.apache.rocketmq.acl.common.AclClientRPCHook;
import org.apache.rocketmq.acl.common.SessionCredentials;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.MixAll;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.remoting.RPCHook;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyRemotingClient;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.remoting.protocol.RequestCode;
import org.apache.rocketmq.remoting.protocol.ResponseCode;
import org.apache.rocketmq.tools.command.MQAdminStartup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ACL 2.0 with the official 5.3.1 tools and clients: users and policies made with {@code mqadmin} (run in this JVM
 * through {@link MQAdminStartup}, signed as the broker's initial super user) take effect at once for producers and
 * consumers signing with {@code AclClientRPCHook}; a DENY entry, a removed user and a wrong password are refused with
 * RocketMQ 5.3's NO_PERMISSION answers and store nothing; {@code listUser} and {@code listAcl} print what exists.
 */
@Tag("compat")
class AuthCompatibilityTests {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Object MQADMIN = new Object();
    private static final AclClientRPCHook ADMIN = hook("admin-user", "admin-password");

    @TempDir
    static Path dir;
    static EmbeddedBroker broker;
    static NettyRemotingClient raw;
    private final List<Runnable> shutdowns = new ArrayList<>();

    @BeforeAll
    static void startBroker() {
        System.setProperty("rocketmq.client.logUseSlf4j", "true");
        broker = EmbeddedBroker.builder().port(0).storeDir(dir.resolve("store"))
                .auth(AuthConfig.enabled(new io.nimbusmq.remoting.acl.SessionCredentials("admin-user",
                        "admin-password"))).build();
        broker.start();
        raw = new NettyRemotingClient(new NettyClientConfig());
        raw.start();
    }

    @AfterAll
    static void stopBroker() {
        raw.shutdown();
        broker.close();
    }

    @AfterEach
    void shutdownClients() {
        shutdowns.forEach(Runnable::run);
    }

    @Test
    void aUserCreatedWithMqadminSendsAndConsumesWithTheOfficialClient() throws Exception {
        String user = CompatBroker.uniqueName("alice");
        String group = CompatBroker.uniqueName("billing");
        assertThat(mqadmin(ADMIN, "createUser", "-u", user, "-p", "alice-password")).contains(
                "create user to " + broker.address() + " success.");
        assertThat(mqadmin(ADMIN, "createAcl", "-s", "User:" + user, "-r", "Topic:orders*,Group:" + group,
                "-a", "Pub,Sub", "-d", "Allow")).contains("create acl to " + broker.address() + " success.");

        String topic = createTopic("orders-eu");
        DefaultMQProducer producer = producer(user, "alice-password");
        for (int i = 0; i < 10; i++) {
            assertThat(producer.send(message(topic, "order-" + i)).getSendStatus())
                    .isEqualTo(SendStatus.SEND_OK);
        }
        Set<String> received = ConcurrentHashMap.newKeySet();
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(group, hook(user, "alice-password"));
        consumer.setNamesrvAddr(broker.address());
        consumer.setInstanceName(CompatBroker.uniqueName("consumer"));
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            messages.forEach(m -> received.add(new String(m.getBody(), StandardCharsets.UTF_8)));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        shutdowns.add(consumer::shutdown);

        await("the signed consumer receives everything").atMost(PATIENCE).until(() -> received.size() == 10);
    }

    @Test
    void aDenyEntryRefusesAndNothingIsStored() throws Exception {
        String user = userWithPolicies("Topic:orders*", "Pub,Sub");
        assertThat(mqadmin(ADMIN, "updateAcl", "-s", "User:" + user, "-r", "Topic:orders-secret", "-a", "Pub",
                "-d", "Deny")).contains("update acl to " + broker.address() + " success.");

        RemotingCommand send = invoke(sendRequest("orders-secret"), hook(user, user + "-password"));

        assertThat(send.getCode()).isEqualTo(ResponseCode.NO_PERMISSION);
        assertThat(send.getRemark()).isEqualTo("User:" + user
                + " has no permission to access Topic:orders-secret from 127.0.0.1, the decision is deny.");
        assertThatThrownBy(() -> producer(user, user + "-password").send(message("orders-secret", "x")))
                .isInstanceOf(MQClientException.class);
        assertThat(broker.runtime().topics().find("orders-secret")).as("nothing created, nothing stored").isNull();
        assertThat(invoke(sendRequest("orders-allowed"), hook(user, user + "-password")).getCode())
                .as("the same connection serves an allowed request next").isEqualTo(ResponseCode.SUCCESS);
    }

    @Test
    void deleteUserMakesTheNextSignedRequestFailAndUpdateUserChangesThePassword() throws Exception {
        String user = userWithPolicies("Topic:*", "Pub");
        RemotingCommand signedBefore = sendRequest("orders-" + user);
        hook(user, user + "-password").doBeforeRequest(broker.address(), signedBefore);
        assertThat(invoke(signedBefore, null).getCode()).isEqualTo(ResponseCode.SUCCESS);

        assertThat(mqadmin(ADMIN, "updateUser", "-u", user, "-p", "changed-password"))
                .contains("update user to " + broker.address() + " success.");
        assertThat(invoke(signedBefore, null).getRemark()).isEqualTo("check signature failed.");
        assertThat(invoke(sendRequest("orders-" + user), hook(user, "changed-password")).getCode())
                .isEqualTo(ResponseCode.SUCCESS);

        assertThat(mqadmin(ADMIN, "deleteUser", "-u", user)).contains("delete user to " + broker.address()
                + " success.");
        RemotingCommand replayed = invoke(sendRequest("orders-" + user), hook(user, "changed-password"));
        assertThat(replayed.getCode()).isEqualTo(ResponseCode.NO_PERMISSION);
        assertThat(replayed.getRemark()).isEqualTo("User:" + user + " is not found.");
    }

    @Test
    void listUserAndListAclPrintWhatExists() {
        String user = userWithPolicies("Topic:audit", "Sub");

        String users = mqadmin(ADMIN, "listUser");
        String acls = mqadmin(ADMIN, "listAcl", "-s", user);
        String one = mqadmin(ADMIN, "getUser", "-u", user);

        assertThat(users).containsPattern("#UserName\\s+#Password\\s+#UserType\\s+#UserStatus")
                .containsPattern("admin-user\\s+admin-password\\s+Super\\s+enable")
                .containsPattern(user + "\\s+" + user + "-password\\s+Normal\\s+enable");
        assertThat(acls).containsPattern("#Subject\\s+#PolicyType\\s+#Resource\\s+#Actions\\s+#SourceIp\\s+#Decision")
                .containsPattern("User:" + user + "\\s+Custom\\s+Topic:audit\\s+\\[Sub]\\s+null\\s+Allow");
        assertThat(one).containsPattern(user + "\\s+" + user + "-password\\s+Normal\\s+enable");
        assertThat(mqadmin(ADMIN, "deleteAcl", "-s", "User:" + user, "-r", "Topic:audit"))
                .contains("delete acl to " + broker.address() + " success.");
        assertThat(mqadmin(ADMIN, "listAcl", "-s", user)).doesNotContain("Topic:audit");
    }

    @Test
    void aNormalUserCannotManageUsersAndAnUnsignedClientIsRefused() throws Exception {
        String user = userWithPolicies("Topic:*", "Pub");

        String refused = mqadmin(hook(user, user + "-password"), "createUser", "-u", "mallory", "-p", "pw");
        RemotingCommand unsigned = invoke(sendRequest("orders"), null);

        assertThat(refused).contains("CODE: 16").contains("User:" + user
                + " has no permission to access Cluster:DefaultCluster from 127.0.0.1, no matched policies.");
        assertThat(mqadmin(ADMIN, "getUser", "-u", "mallory")).doesNotContain("mallory");
        assertThat(unsigned.getCode()).isEqualTo(ResponseCode.NO_PERMISSION);
        assertThat(unsigned.getRemark()).isEqualTo("username cannot be null.");
    }

    /**
     * Creates {@code <prefix>-<n>} on the broker and waits until the name server routes it: producers that may not
     * read the auto-creation topic TBW102 (a policy on {@code Topic:orders*} does not cover it) need their topics
     * created beforehand, with Apache RocketMQ as here.
     */
    private static String createTopic(String prefix) {
        String topic = CompatBroker.uniqueName(prefix);
        broker.runtime().topics().createOrUpdate(TopicConfig.of(topic, 4));
        RemotingCommand route = RemotingCommand.createRequestCommand(RequestCode.GET_ROUTEINFO_BY_TOPIC, null);
        route.addExtField("topic", topic);
        await("route of " + topic).atMost(PATIENCE).until(() -> invoke(route, ADMIN).getCode() == ResponseCode.SUCCESS);
        return topic;
    }

    /** A new user (password {@code <name>-password}) with one allowing policy, made with mqadmin. */
    private static String userWithPolicies(String resources, String actions) {
        String user = CompatBroker.uniqueName("user");
        assertThat(mqadmin(ADMIN, "createUser", "-u", user, "-p", user + "-password")).contains("success");
        assertThat(mqadmin(ADMIN, "createAcl", "-s", "User:" + user, "-r", resources, "-a", actions, "-d",
                "Allow")).contains("success");
        return user;
    }

    /**
     * Runs {@code mqadmin <command> -n <broker> -b <broker> <args>} in this JVM, signed by {@code hook}, and returns
     * what it printed (standard output and error). mqadmin keeps the name server in a system property; it is
     * restored afterwards.
     */
    private static String mqadmin(RPCHook hook, String command, String... args) {
        List<String> argv = new ArrayList<>(List.of(command, "-n", broker.address(), "-b", broker.address()));
        argv.addAll(List.of(args));
        synchronized (MQADMIN) {
            PrintStream out = System.out;
            PrintStream err = System.err;
            String nameServer = System.getProperty(MixAll.NAMESRV_ADDR_PROPERTY);
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
            System.setOut(capture);
            System.setErr(capture);
            try {
                MQAdminStartup.main0(argv.toArray(String[]::new), hook);
            } finally {
                System.setOut(out);
                System.setErr(err);
                if (nameServer == null) {
                    System.clearProperty(MixAll.NAMESRV_ADDR_PROPERTY);
                } else {
                    System.setProperty(MixAll.NAMESRV_ADDR_PROPERTY, nameServer);
                }
            }
            return printed.toString(StandardCharsets.UTF_8);
        }
    }

    private static RemotingCommand sendRequest(String topic) {
        RemotingCommand request = RemotingCommand.createRequestCommand(RequestCode.SEND_MESSAGE_V2, null);
        for (String[] field : new String[][] {{"a", "pg"}, {"b", topic}, {"c", "TBW102"}, {"d", "4"}, {"e", "0"},
                {"f", "0"}, {"g", String.valueOf(System.currentTimeMillis())}, {"h", "0"}}) {
            request.addExtField(field[0], field[1]);
        }
        request.setBody("raw".getBytes(StandardCharsets.UTF_8));
        return request;
    }

    /** Sends {@code request} (a copy, signed by {@code hook} when given) on one shared official connection. */
    private static RemotingCommand invoke(RemotingCommand request, RPCHook hook) throws Exception {
        RemotingCommand copy = RemotingCommand.createRequestCommand(request.getCode(), null);
        request.getExtFields().forEach(copy::addExtField);
        copy.setBody(request.getBody());
        if (hook != null) {
            hook.doBeforeRequest(broker.address(), copy);
        }
        return raw.invokeSync(broker.address(), copy, 10_000);
    }

    private static AclClientRPCHook hook(String accessKey, String secretKey) {
        return new AclClientRPCHook(new SessionCredentials(accessKey, secretKey));
    }

    private static Message message(String topic, String body) {
        return new Message(topic, body.getBytes(StandardCharsets.UTF_8));
    }

    private DefaultMQProducer producer(String accessKey, String secretKey) throws MQClientException {
        DefaultMQProducer producer = new DefaultMQProducer(CompatBroker.uniqueName("pg"), hook(accessKey, secretKey));
        producer.setNamesrvAddr(broker.address());
        producer.setInstanceName(CompatBroker.uniqueName("producer"));
        producer.setRetryTimesWhenSendFailed(0);
        producer.setSendMsgTimeout(10_000);
        producer.start();
        shutdowns.add(producer::shutdown);
        return producer;
    }
}
