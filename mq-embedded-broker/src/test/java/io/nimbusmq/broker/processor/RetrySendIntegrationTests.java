package io.nimbusmq.broker.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;

import io.nimbusmq.broker.EmbeddedBroker;
import io.nimbusmq.message.StoredMessage;
import io.nimbusmq.message.SystemTopics;
import io.nimbusmq.remoting.netty.NettyRemotingClient;
import io.nimbusmq.remoting.netty.RemotingClientConfig;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.ResponseCode;
import io.nimbusmq.remoting.protocol.body.RemotingJson;
import io.nimbusmq.remoting.protocol.body.TopicConfig;
import io.nimbusmq.remoting.protocol.body.client.LockBatchRequestBody;
import io.nimbusmq.remoting.protocol.body.client.MessageQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plain sends to {@code %RETRY%<group>} on the wire (remoting-protocol.md §4.1 step 5), as the official client makes
 * them when CONSUMER_SEND_MSG_BACK fails and from its orderly consumer: past their {@code maxReconsumeTimes} (header
 * {@code l}, 16 when absent), or from a group that holds an orderly queue lock, they are stored in
 * {@code %DLQ%<group>} at once; otherwise in the retry topic, delayed by the level the client set.
 */
class RetrySendIntegrationTests {

    private static final String RETRY_PROPERTIES = "TAGS\u0001a\u0002KEYS\u0001k1\u0002RETRY_TOPIC\u0001Orders\u0002"
            + "DELAY\u00015\u0002UNIQ_KEY\u0001AC11000100002A9F0000000000000001\u0002";

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

    private static RemotingCommand invoke(RemotingCommand request) throws Exception {
        return client.invokeSync(broker.address(), request, 10_000).get();
    }

    /** A SEND_MESSAGE_V2 to {@code topic}; {@code maxReconsumeTimes} null leaves header {@code l} out. */
    private static RemotingCommand send(int code, String topic, int reconsumeTimes, Integer maxReconsumeTimes)
            throws Exception {
        RemotingCommand request = RemotingCommand.createRequest(code)
                .putExtField("a", "CLIENT_INNER_PRODUCER").putExtField("b", topic).putExtField("c", "TBW102")
                .putExtField("d", 4).putExtField("e", -1).putExtField("f", 0)
                .putExtField("g", System.currentTimeMillis()).putExtField("h", 0).putExtField("i", RETRY_PROPERTIES)
                .putExtField("j", reconsumeTimes).setBody("failed".getBytes(StandardCharsets.UTF_8));
        if (maxReconsumeTimes != null) {
            request.putExtField("l", maxReconsumeTimes);
        }
        return invoke(request);
    }

    private static RemotingCommand send(String topic, int reconsumeTimes, Integer maxReconsumeTimes)
            throws Exception {
        return send(RequestCode.SEND_MESSAGE_V2, topic, reconsumeTimes, maxReconsumeTimes);
    }

    /** The message a send stored, read back by the commit log offset in its offsetMsgId. */
    private static StoredMessage stored(RemotingCommand sendResponse) {
        assertThat(sendResponse.code()).as(sendResponse.remark()).isEqualTo(ResponseCode.SUCCESS);
        String msgId = sendResponse.extFields().get("msgId");
        return broker.messageStore().lookMessage(Long.parseLong(msgId.substring(msgId.length() - 16), 16));
    }

    @Test
    void aRetryPastItsMaxReconsumeTimesIsStoredAsAnUndelayedDeadLetter() throws Exception {
        StoredMessage deadLetter = stored(send("%RETRY%g-over", 3, 2));

        assertThat(deadLetter.topic()).isEqualTo("%DLQ%g-over");
        assertThat(deadLetter.reconsumeTimes()).isEqualTo(3);
        assertThat(deadLetter.propertyMap()).containsEntry("DELAY", "-1").containsEntry("RETRY_TOPIC", "Orders")
                .containsEntry("KEYS", "k1").containsEntry("UNIQ_KEY", "AC11000100002A9F0000000000000001")
                .doesNotContainKeys("REAL_TOPIC", "TIMER_OUT_MS");
        assertThat(new String(deadLetter.body(), StandardCharsets.UTF_8)).isEqualTo("failed");
        TopicConfig dlq = broker.runtime().topics().find("%DLQ%g-over");
        assertThat(dlq.readQueueNums()).isEqualTo(1);
        assertThat(dlq.perm()).isEqualTo(TopicConfig.PERM_READ | TopicConfig.PERM_WRITE);
    }

    @Test
    void aRetryAtItsMaxReconsumeTimesWaitsInTheRetryTopicForItsDelay() throws Exception {
        StoredMessage waiting = stored(send("%RETRY%g-at", 2, 2));

        assertThat(waiting.topic()).isEqualTo(SystemTopics.SCHEDULE_TOPIC);
        assertThat(waiting.queueId()).as("level 5").isEqualTo(4);
        assertThat(waiting.propertyMap()).containsEntry("REAL_TOPIC", "%RETRY%g-at").containsEntry("DELAY", "5");
        assertThat(broker.runtime().topics().find("%DLQ%g-at")).isNull();
    }

    @Test
    void withoutMaxReconsumeTimesTheLimitIsSixteenAlsoWithTheLongHeaderNames() throws Exception {
        assertThat(stored(send("%RETRY%g-default", 16, null)).topic()).isEqualTo(SystemTopics.SCHEDULE_TOPIC);
        assertThat(stored(send("%RETRY%g-default", 17, null)).topic()).isEqualTo("%DLQ%g-default");

        RemotingCommand v1 = invoke(RemotingCommand.createRequest(RequestCode.SEND_MESSAGE)
                .putExtField("producerGroup", "pg").putExtField("topic", "%RETRY%g-v1")
                .putExtField("defaultTopic", "TBW102").putExtField("defaultTopicQueueNums", 4)
                .putExtField("queueId", 0).putExtField("sysFlag", 0)
                .putExtField("bornTimestamp", System.currentTimeMillis()).putExtField("flag", 0)
                .putExtField("properties", RETRY_PROPERTIES).putExtField("reconsumeTimes", 5)
                .putExtField("maxReconsumeTimes", 4).setBody("failed".getBytes(StandardCharsets.UTF_8)));
        assertThat(stored(v1).topic()).isEqualTo("%DLQ%g-v1");
    }

    @Test
    void aGroupHoldingAnOrderlyQueueLockDeadLettersEveryRetrySend() throws Exception {
        MessageQueue queue = new MessageQueue("Orders", broker.config().brokerName(), 0);
        RemotingCommand lock = invoke(RemotingCommand.createRequest(RequestCode.LOCK_BATCH_MQ).setBody(
                RemotingJson.encode(new LockBatchRequestBody("client-1", "g-orderly", Set.of(queue), false))));
        assertThat(lock.code()).isEqualTo(ResponseCode.SUCCESS);

        assertThat(stored(send("%RETRY%g-orderly", 0, 16)).topic()).isEqualTo("%DLQ%g-orderly");
        assertThat(stored(send("%RETRY%g-unlocked", 0, 16)).topic()).as("another group")
                .isEqualTo(SystemTopics.SCHEDULE_TOPIC);
    }

    @Test
    void aDeadLetterQueueWithoutWritePermissionRefusesAndTheBrokerKeepsServing() throws Exception {
        broker.runtime().topics().createOrUpdate(TopicConfig.of("%DLQ%g-readonly", 1)
                .withPerm(TopicConfig.PERM_READ));

        RemotingCommand refused = send("%RETRY%g-readonly", 20, 2);

        assertThat(refused.code()).isEqualTo(ResponseCode.NO_PERMISSION);
        assertThat(refused.remark()).contains("%DLQ%g-readonly").contains("forbidden");
        assertThat(stored(send("%RETRY%g-readonly", 1, 2)).topic()).isEqualTo(SystemTopics.SCHEDULE_TOPIC);
    }

    @Test
    void aBatchToARetryTopicIsRefused() throws Exception {
        RemotingCommand refused = send(RequestCode.SEND_BATCH_MESSAGE, "%RETRY%g-batch", 0, 16);

        assertThat(refused.code()).isEqualTo(ResponseCode.MESSAGE_ILLEGAL);
        assertThat(refused.remark()).isEqualTo("batch request does not support retry group %RETRY%g-batch");
    }
}
