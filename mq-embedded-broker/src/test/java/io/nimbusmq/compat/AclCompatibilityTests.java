package io.nimbusmq.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.nimbusmq.broker.EmbeddedBroker;
import io.nimbusmq.broker.auth.plain.AclConfig;
import org.apache.rocketmq.acl.common.AclClientRPCHook;
import org.apache.rocketmq.acl.common.SessionCredentials;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.remoting.RPCHook;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyRemotingClient;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.remoting.protocol.RequestCode;
import org.apache.rocketmq.remoting.protocol.ResponseCode;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official 5.3.1 clients signing with {@code AclClientRPCHook} against a broker with ACL 1.0 on
 * ({@code plain_acl.yml}): signed producers and consumers work; unsigned, wrongly signed, unpermitted, denied and
 * non-admin requests are refused with RocketMQ's code and remark, store nothing, and leave the connection usable;
 * changes to the file apply without restart.
 */
@Tag("compat")
class AclCompatibilityTests {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String ACL = """
            accounts:
              - accessKey: admin-user
                secretKey: admin-secret
                admin: true
              - accessKey: producer-user
                secretKey: producer-secret
                defaultTopicPerm: DENY
                defaultGroupPerm: SUB
                topicPerms: [orders=PUB, secrets=DENY]
              - accessKey: consumer-user
                secretKey: consumer-secret
                defaultTopicPerm: SUB
                defaultGroupPerm: SUB
            """;
    private static final String LATE_USER = """
              - accessKey: late-user
                secretKey: late-secret
                defaultTopicPerm: PUB|SUB
            """;

    @TempDir
    static Path dir;
    static Path aclFile;
    static EmbeddedBroker broker;
    static NettyRemotingClient raw;
    private final List<Runnable> shutdowns = new java.util.ArrayList<>();

    @BeforeAll
    static void startBroker() throws Exception {
        System.setProperty("rocketmq.client.logUseSlf4j", "true");
        aclFile = dir.resolve("plain_acl.yml");
        Files.writeString(aclFile, ACL);
        broker = EmbeddedBroker.builder().port(0).storeDir(dir.resolve("store"))
                .acl(new AclConfig(true, aclFile, 100)).build();
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
    void shutdownClients() throws Exception {
        shutdowns.forEach(Runnable::run);
        Files.writeString(aclFile, ACL);
    }

    @Test
    void aSignedProducerAndConsumerWork() throws Exception {
        DefaultMQProducer producer = producer("producer-user", "producer-secret");
        for (int i = 0; i < 20; i++) {
            assertThat(producer.send(new Message("orders", ("order-" + i).getBytes(StandardCharsets.UTF_8)))
                    .getSendStatus()).isEqualTo(SendStatus.SEND_OK);
        }
        Set<String> received = ConcurrentHashMap.newKeySet();
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(CompatBroker.uniqueName("billing"),
                hook("consumer-user", "consumer-secret"));
        consumer.setNamesrvAddr(broker.address());
        consumer.setInstanceName(CompatBroker.uniqueName("consumer"));
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe("orders", "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            messages.forEach(m -> received.add(new String(m.getBody(), StandardCharsets.UTF_8)));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        shutdowns.add(consumer::shutdown);

        await("signed consumer receives everything").atMost(PATIENCE).until(() -> received.size() == 20);
    }

    @Test
    void unsignedAndWronglySignedClientsAreRefusedAndStoreNothing() throws Exception {
        String topic = CompatBroker.uniqueName("unsigned");
        DefaultMQProducer unsigned = startedProducer(new DefaultMQProducer(CompatBroker.uniqueName("pg")));
        DefaultMQProducer wrong = producer("producer-user", "not-the-secret");

        assertThatThrownBy(() -> unsigned.send(new Message(topic, new byte[] {1}))).isInstanceOf(
                MQClientException.class);
        assertThatThrownBy(() -> wrong.send(new Message(topic, new byte[] {1}))).isInstanceOf(
                MQClientException.class);

        assertThat(invoke(maxOffset("orders"), null).getRemark())
                .isEqualTo("org.apache.rocketmq.acl.common.AclException: No accessKey is configured");
        RemotingCommand wronglySigned = invoke(maxOffset("orders"), hook("producer-user", "not-the-secret"));
        assertThat(wronglySigned.getCode()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(wronglySigned.getRemark()).isEqualTo(
                "org.apache.rocketmq.acl.common.AclException: Check signature failed for accessKey=producer-user");
        assertThat(broker.runtime().topics().find(topic)).as("nothing created").isNull();
        assertThat(invoke(maxOffset("orders"), hook("producer-user", "producer-secret")).getCode())
                .as("the same connection serves a correct request next").isEqualTo(ResponseCode.SUCCESS);
    }

    @Test
    void aUserWithSubOnlyCannotSendAndADeniedTopicIsRefused() throws Exception {
        DefaultMQProducer subOnly = producer("consumer-user", "consumer-secret");
        DefaultMQProducer producer = producer("producer-user", "producer-secret");

        assertThatThrownBy(() -> subOnly.send(new Message("orders", new byte[] {1}))).cause()
                .isInstanceOfSatisfying(MQBrokerException.class, e -> {
                    assertThat(e.getResponseCode()).isEqualTo(ResponseCode.SYSTEM_ERROR);
                    assertThat(e.getErrorMessage()).contains("AclException: No default permission for topic:orders");
                });
        assertThatThrownBy(() -> producer.send(new Message("secrets", new byte[] {1}))).cause()
                .isInstanceOfSatisfying(MQBrokerException.class, e -> assertThat(e.getErrorMessage())
                        .contains("AclException: No permission for topic:secrets"));
        assertThat(broker.runtime().topics().find("secrets")).as("nothing created, nothing stored").isNull();
        assertThat(producer.send(new Message("orders", new byte[] {1})).getSendStatus())
                .as("the producer keeps working where it may").isEqualTo(SendStatus.SEND_OK);
    }

    @Test
    void adminCodesFromANonAdminUserAreRefused() throws Exception {
        String topic = CompatBroker.uniqueName("admin-made");
        DefaultMQAdminExt notAdmin = admin("producer-user", "producer-secret");
        DefaultMQAdminExt admin = admin("admin-user", "admin-secret");

        assertThatThrownBy(() -> notAdmin.createAndUpdateTopicConfig(broker.address(), new TopicConfig(topic, 4, 4)))
                .isInstanceOfSatisfying(MQClientException.class, e -> {
                    assertThat(e.getResponseCode()).isEqualTo(ResponseCode.SYSTEM_ERROR);
                    assertThat(e.getErrorMessage()).contains(
                            "Need admin permission for request code=17, but accessKey=producer-user is not");
                });
        assertThat(broker.runtime().topics().find(topic)).isNull();

        admin.createAndUpdateTopicConfig(broker.address(), new TopicConfig(topic, 4, 4));
        assertThat(broker.runtime().topics().find(topic)).isNotNull();
    }

    @Test
    void fileChangesApplyWithoutRestartAndARemovedUsersRequestsAreRefused() throws Exception {
        RemotingCommand signedByLateUser = maxOffset("orders");
        hook("late-user", "late-secret").doBeforeRequest(broker.address(), signedByLateUser);
        assertThat(invoke(signedByLateUser, null).getRemark()).endsWith("No acl config for late-user");

        Files.writeString(aclFile, ACL + LATE_USER);
        await("late-user added").atMost(PATIENCE)
                .until(() -> invoke(signedByLateUser, null).getCode() == ResponseCode.SUCCESS);

        Files.writeString(aclFile, ACL);
        await("late-user removed: the same signed request replayed is refused").atMost(PATIENCE)
                .until(() -> invoke(signedByLateUser, null).getRemark(),
                        remark -> remark != null && remark.endsWith("No acl config for late-user"));
    }

    private static RemotingCommand maxOffset(String topic) {
        RemotingCommand request = RemotingCommand.createRequestCommand(RequestCode.GET_MAX_OFFSET, null);
        request.addExtField("topic", topic);
        request.addExtField("queueId", "0");
        return request;
    }

    /** Sends {@code request} (signed by {@code hook} when given) on one shared official connection. */
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

    private DefaultMQProducer producer(String accessKey, String secretKey) throws MQClientException {
        return startedProducer(new DefaultMQProducer(CompatBroker.uniqueName("pg"), hook(accessKey, secretKey)));
    }

    private DefaultMQProducer startedProducer(DefaultMQProducer producer) throws MQClientException {
        producer.setNamesrvAddr(broker.address());
        producer.setInstanceName(CompatBroker.uniqueName("producer"));
        producer.setRetryTimesWhenSendFailed(0);
        producer.setSendMsgTimeout(10_000);
        producer.start();
        shutdowns.add(producer::shutdown);
        return producer;
    }

    private DefaultMQAdminExt admin(String accessKey, String secretKey) throws MQClientException {
        DefaultMQAdminExt admin = new DefaultMQAdminExt(hook(accessKey, secretKey));
        admin.setNamesrvAddr(broker.address());
        admin.setInstanceName(CompatBroker.uniqueName("admin"));
        admin.start();
        shutdowns.add(admin::shutdown);
        return admin;
    }
}
