package io.nimbusmq.broker.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import io.nimbusmq.broker.EmbeddedBroker;
import io.nimbusmq.remoting.netty.NettyRemotingClient;
import io.nimbusmq.remoting.netty.RemotingClientConfig;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.ResponseCode;
import io.nimbusmq.remoting.protocol.body.TopicConfig;
import io.nimbusmq.remoting.protocol.header.PullMessageRequestHeader;
import io.nimbusmq.remoting.protocol.header.PullMessageResponseHeader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad sends get the response codes the official client expects, nothing is stored, and the broker keeps serving.
 */
class BadInputIntegrationTests {

    @TempDir
    static Path dir;

    private static EmbeddedBroker broker;
    private static NettyRemotingClient client;

    @BeforeAll
    static void start() {
        broker = EmbeddedBroker.builder().port(0).storeDir(dir).build();
        broker.start();
        client = new NettyRemotingClient(RemotingClientConfig.defaults());
    }

    @AfterAll
    static void stop() {
        client.close();
        broker.shutdown();
    }

    private static RemotingCommand sendV2(String topic, byte[] body) throws Exception {
        RemotingCommand request = RemotingCommand.createRequest(RequestCode.SEND_MESSAGE_V2)
                .putExtField("a", "pg").putExtField("b", topic).putExtField("c", "TBW102").putExtField("d", 4)
                .putExtField("e", 0).putExtField("f", 0).putExtField("g", System.currentTimeMillis())
                .putExtField("h", 0).putExtField("i", "TAGS\u0001a\u0002").setBody(body);
        return client.invokeSync(broker.address(), request, 10_000).get();
    }

    @Test
    void aGoodSendIsStoredAndAnsweredWithItsIds() throws Exception {
        RemotingCommand response = sendV2("GoodTopic", "ok".getBytes(StandardCharsets.UTF_8));
        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(response.extFields()).containsKeys("msgId", "queueId", "queueOffset", "MSG_REGION", "TRACE_ON");
        assertThat(response.extFields().get("msgId")).hasSize(32);
    }

    @Test
    void anIllegalTopicNameIsRefusedWithAReason() throws Exception {
        long before = broker.messageStore().commitLogMaxOffset();
        RemotingCommand response = sendV2("bad topic!", new byte[] {1});
        assertThat(response.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(response.remark()).contains("illegal characters");
        RemotingCommand tooLong = sendV2("T".repeat(128), new byte[] {1});
        assertThat(tooLong.remark()).contains("longer than");
        assertThat(broker.messageStore().commitLogMaxOffset()).isEqualTo(before);
    }

    @Test
    void anOversizedBodyIsMessageIllegal() throws Exception {
        long before = broker.messageStore().commitLogMaxOffset();
        RemotingCommand response = sendV2("BigTopic", new byte[4 * 1024 * 1024 + 1]);
        assertThat(response.code()).isEqualTo(ResponseCode.MESSAGE_ILLEGAL);
        assertThat(response.remark()).contains("maximum message size");
        assertThat(broker.messageStore().commitLogMaxOffset()).isEqualTo(before);
        assertThat(sendV2("BigTopic", new byte[10]).code()).isEqualTo(ResponseCode.SUCCESS);
    }

    @Test
    void sendingToASystemTopicIsForbidden() throws Exception {
        RemotingCommand response = sendV2("SCHEDULE_TOPIC_XXXX", new byte[] {1});

        assertThat(response.code()).isEqualTo(ResponseCode.NO_PERMISSION);
        // the official producer reads these without a null check, refusals included
        assertThat(response.extFields()).containsEntry("MSG_REGION", "DefaultRegion").containsEntry("TRACE_ON", "true")
                .doesNotContainKeys("msgId", "queueId", "queueOffset");
    }

    @Test
    void pullingFromAnUnreadableTopicIsForbiddenAsRocketMqSaysIt() throws Exception {
        broker.runtime().topics().createOrUpdate(new TopicConfig("WriteOnlyTopic", 1, 1, 2, "SINGLE_TAG", 0, false,
                Map.of()));
        RemotingCommand request = RemotingCommand.createRequest(RequestCode.PULL_MESSAGE,
                new PullMessageRequestHeader("g", "WriteOnlyTopic", 0, 0L, 32, 0, 0L, 0L, null, 0L, null, null, null));

        RemotingCommand response = client.invokeSync(broker.address(), request, 30_000).get();

        assertThat(response.code()).isEqualTo(ResponseCode.NO_PERMISSION);
        assertThat(response.extFields()).containsExactly(
                Map.entry("forbiddenType", String.valueOf(PullMessageResponseHeader.TOPIC_FORBIDDEN)));
    }

    @Test
    void aMissingHeaderFieldIsNamedInTheAnswer() throws Exception {
        RemotingCommand request = RemotingCommand.createRequest(RequestCode.PULL_MESSAGE)
                .putExtField("consumerGroup", "g").putExtField("topic", "T");
        RemotingCommand response = client.invokeSync(broker.address(), request, 30_000).get();
        assertThat(response.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(response.remark()).contains("queueId");
    }

    @Test
    void aTruncatedBatchIsMessageIllegal() throws Exception {
        RemotingCommand request = RemotingCommand.createRequest(RequestCode.SEND_BATCH_MESSAGE)
                .putExtField("a", "pg").putExtField("b", "BatchTopic").putExtField("c", "TBW102")
                .putExtField("d", 4).putExtField("e", 0).putExtField("f", 0)
                .putExtField("g", System.currentTimeMillis()).putExtField("h", 0).putExtField("m", true)
                .setBody(new byte[] {0, 0, 0, 40, 0, 0, 0, 0, 0});
        RemotingCommand response = client.invokeSync(broker.address(), request, 30_000).get();
        assertThat(response.code()).isEqualTo(ResponseCode.MESSAGE_ILLEGAL);
        assertThat(response.remark()).contains("truncated batch");
    }

    @Test
    void anUnknownCodeIsNotSupported() throws Exception {
        RemotingCommand response = client.invokeSync(broker.address(), RemotingCommand.createRequest(9999), 30_000)
                .get();
        assertThat(response.code()).isEqualTo(ResponseCode.REQUEST_CODE_NOT_SUPPORTED);
        assertThat(response.remark()).contains("9999");
    }
}
