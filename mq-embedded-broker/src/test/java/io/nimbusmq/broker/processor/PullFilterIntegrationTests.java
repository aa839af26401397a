package io.nimbusmq.broker.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import io.nimbusmq.broker.EmbeddedBroker;
import io.nimbusmq.remoting.netty.NettyRemotingClient;
import io.nimbusmq.remoting.netty.RemotingClientConfig;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.ResponseCode;
import io.nimbusmq.remoting.protocol.body.RemotingJson;
import io.nimbusmq.remoting.protocol.body.TopicConfig;
import io.nimbusmq.remoting.protocol.body.client.ConsumeFromWhere;
import io.nimbusmq.remoting.protocol.body.client.ConsumeType;
import io.nimbusmq.remoting.protocol.body.client.ConsumerData;
import io.nimbusmq.remoting.protocol.body.client.HeartbeatData;
import io.nimbusmq.remoting.protocol.body.client.MessageModel;
import io.nimbusmq.remoting.protocol.body.client.SubscriptionData;
import io.nimbusmq.remoting.protocol.header.PullSysFlag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The response codes of pulls whose SQL92 subscription cannot be served, on the wire: a pull's own expression that
 * does not compile is SUBSCRIPTION_PARSE_FAILED, a heartbeat subscription that does not compile is
 * FILTER_DATA_NOT_EXIST (as RocketMQ, which keeps no filter data for it), and with the property filter off SQL92 is
 * SYSTEM_ERROR. Each time the broker keeps serving good pulls.
 */
class PullFilterIntegrationTests {

    private static final String TOPIC = "SqlPullTopic";

    @TempDir
    static Path dir;

    private static EmbeddedBroker broker;
    private static EmbeddedBroker brokerWithoutPropertyFilter;
    private static NettyRemotingClient client;

    @BeforeAll
    static void start() throws Exception {
        broker = EmbeddedBroker.builder().port(0).storeDir(Files.createDirectories(dir.resolve("on"))).build();
        broker.start();
        brokerWithoutPropertyFilter = EmbeddedBroker.builder().port(0)
                .storeDir(Files.createDirectories(dir.resolve("off"))).enablePropertyFilter(false).build();
        brokerWithoutPropertyFilter.start();
        for (EmbeddedBroker b : new EmbeddedBroker[] {broker, brokerWithoutPropertyFilter}) {
            b.runtime().topics().createOrUpdate(TopicConfig.of(TOPIC, 1));
        }
        client = new NettyRemotingClient(RemotingClientConfig.defaults());
        for (int i = 0; i < 10; i++) {
            RemotingCommand send = RemotingCommand.createRequest(RequestCode.SEND_MESSAGE_V2)
                    .putExtField("a", "pg").putExtField("b", TOPIC).putExtField("c", "TBW102").putExtField("d", 1)
                    .putExtField("e", 0).putExtField("f", 0).putExtField("g", System.currentTimeMillis())
                    .putExtField("h", 0).putExtField("i", "amount\u0001" + i + "\u0002")
                    .setBody(("m" + i).getBytes(StandardCharsets.UTF_8));
            assertThat(client.invokeSync(broker.address(), send, 10_000).get().code()).isEqualTo(ResponseCode.SUCCESS);
        }
        // the consume queue is fed behind the writer
        await("consume queue entries").atMost(Duration.ofSeconds(60))
                .until(() -> broker.messageStore().maxOffsetInQueue(TOPIC, 0) == 10);
    }

    @AfterAll
    static void stop() {
        client.close();
        broker.shutdown();
        brokerWithoutPropertyFilter.shutdown();
    }

    @Test
    void aPullsOwnExpressionThatDoesNotCompileIsSubscriptionParseFailed() throws Exception {
        RemotingCommand response = litePull(broker, "amount BETWEEN 5 AND 1");
        assertThat(response.code()).isEqualTo(ResponseCode.SUBSCRIPTION_PARSE_FAILED);
        assertThat(response.remark()).isEqualTo("invalid SQL92 expression [amount BETWEEN 5 AND 1]: the lower bound "
                + "of BETWEEN 5 AND 1 must not be greater than the upper bound");
        assertThat(litePull(broker, "amount BETWEEN 1 AND 5").code()).isEqualTo(ResponseCode.SUCCESS);
    }

    @Test
    void aPullsOwnExpressionSelectsByProperties() throws Exception {
        RemotingCommand none = litePull(broker, "amount > 100");
        assertThat(none.code()).as("nothing matches: the client moves on at once")
                .isEqualTo(ResponseCode.PULL_RETRY_IMMEDIATELY);
        assertThat(none.extFields().get("nextBeginOffset")).isEqualTo("10");
    }

    @Test
    void aHeartbeatSubscriptionThatDoesNotCompileIsFilterDataNotExist() throws Exception {
        heartbeat("bad-group", SubscriptionData.ofSql92(TOPIC, "amount >", 1));
        RemotingCommand response = pull(broker, "bad-group", 0);
        assertThat(response.code()).isEqualTo(ResponseCode.FILTER_DATA_NOT_EXIST);
        assertThat(response.remark()).startsWith("invalid SQL92 expression [amount >]: expected a property");
        heartbeat("good-group", SubscriptionData.ofSql92(TOPIC, "amount >= 3", 1));
        assertThat(pull(broker, "good-group", 0).code()).isEqualTo(ResponseCode.SUCCESS);
    }

    @Test
    void withThePropertyFilterOffSqlPullsAreSystemError() throws Exception {
        RemotingCommand response = litePull(brokerWithoutPropertyFilter, "amount > 1");
        assertThat(response.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(response.remark()).startsWith("The broker does not support consumer to filter message by SQL92");
    }

    private static void heartbeat(String group, SubscriptionData subscription) throws Exception {
        HeartbeatData body = new HeartbeatData("127.0.0.1@" + group, Set.of(new ConsumerData(group,
                ConsumeType.CONSUME_PASSIVELY, MessageModel.CLUSTERING, ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET,
                Set.of(subscription), false)), Set.of(), 0, false);
        RemotingCommand request = RemotingCommand.createRequest(RequestCode.HEART_BEAT)
                .setBody(RemotingJson.encode(body));
        assertThat(client.invokeSync(broker.address(), request, 10_000).get().code())
                .isEqualTo(ResponseCode.SUCCESS);
    }

    /** A lite pull with the SUBSCRIPTION flag: the expression travels in the request. */
    private static RemotingCommand litePull(EmbeddedBroker target, String sql) throws Exception {
        RemotingCommand request = pullRequest(RequestCode.LITE_PULL_MESSAGE, "lite-group", 0,
                PullSysFlag.FLAG_SUBSCRIPTION)
                .putExtField("subscription", sql).putExtField("expressionType", "SQL92");
        return client.invokeSync(target.address(), request, 10_000).get();
    }

    /** A push consumer's pull: no SUBSCRIPTION flag, the broker uses the group's heartbeat subscription. */
    private static RemotingCommand pull(EmbeddedBroker target, String group, long queueOffset) throws Exception {
        RemotingCommand request = pullRequest(RequestCode.PULL_MESSAGE, group, queueOffset, 0)
                .putExtField("expressionType", "SQL92");
        return client.invokeSync(target.address(), request, 10_000).get();
    }

    private static RemotingCommand pullRequest(int code, String group, long queueOffset, int sysFlag) {
        return RemotingCommand.createRequest(code).putExtField("consumerGroup", group).putExtField("topic", TOPIC)
                .putExtField("queueId", 0).putExtField("queueOffset", queueOffset).putExtField("maxMsgNums", 32)
                .putExtField("sysFlag", sysFlag).putExtField("commitOffset", 0)
                .putExtField("suspendTimeoutMillis", 0).putExtField("subVersion", 1);
    }
}
