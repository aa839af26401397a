package io.nimbusmq.broker.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import io.nimbusmq.broker.EmbeddedBroker;
import io.nimbusmq.broker.schedule.TimerMessageService;
import io.nimbusmq.broker.time.ManualClock;
import io.nimbusmq.message.MessageCodec;
import io.nimbusmq.message.MessageSysFlag;
import io.nimbusmq.message.StoredMessage;
import io.nimbusmq.message.SystemTopics;
import io.nimbusmq.remoting.netty.NettyRemotingClient;
import io.nimbusmq.remoting.netty.RemotingClientConfig;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.ResponseCode;
import io.nimbusmq.store.read.GetMessageResult;
import io.nimbusmq.store.read.MessageFilter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Half messages and END_TRANSACTION (37) on the wire, sent two-way so that every refusal's reason can be read:
 * transactional sends that could never be resolved are refused, END_TRANSACTIONs that do not name their half
 * message are refused with the reason, and the broker keeps serving. A committed message that carries a delay level
 * waits for it from the commit (the broker runs on a {@link ManualClock}).
 */
class EndTransactionIntegrationTests {

    private static final String PROPERTIES = "TAGS\u0001a\u0002TRAN_MSG\u0001true\u0002PGROUP\u0001pg\u0002";
    private static final ManualClock CLOCK = new ManualClock();

    @TempDir
    static Path dir;

    private static EmbeddedBroker broker;
    private static NettyRemotingClient client;

    @BeforeAll
    static void start() {
        broker = EmbeddedBroker.builder().port(0).storeDir(dir).clock(CLOCK).build();
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

    private static RemotingCommand sendHalf(String topic, String properties) throws Exception {
        return invoke(RemotingCommand.createRequest(RequestCode.SEND_MESSAGE_V2)
                .putExtField("a", "pg").putExtField("b", topic).putExtField("c", "TBW102").putExtField("d", 4)
                .putExtField("e", 2).putExtField("f", 4).putExtField("g", System.currentTimeMillis())
                .putExtField("h", 0).putExtField("i", properties)
                .setBody("half".getBytes(StandardCharsets.UTF_8)));
    }

    private static RemotingCommand end(String group, String queueOffset, long commitLogOffset, Object type)
            throws Exception {
        return invoke(RemotingCommand.createRequest(RequestCode.END_TRANSACTION)
                .putExtField("producerGroup", group).putExtField("tranStateTableOffset", queueOffset)
                .putExtField("commitLogOffset", commitLogOffset).putExtField("commitOrRollback", type)
                .putExtField("fromTransactionCheck", false).putExtField("msgId", "M"));
    }

    private static long physicalOffset(RemotingCommand sendResponse) {
        String msgId = sendResponse.extFields().get("msgId");
        return Long.parseLong(msgId.substring(msgId.length() - 16), 16);
    }

    @Test
    void aHalfMessageIsAnsweredLikeASendAndCommittedByEndTransaction() throws Exception {
        long halvesBefore = broker.messageStore().maxOffsetInQueue(SystemTopics.TRANS_HALF_TOPIC, 0);
        RemotingCommand sent = sendHalf("TxTopic", PROPERTIES);

        assertThat(sent.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(sent.extFields()).containsEntry("queueId", "2")
                .containsEntry("queueOffset", String.valueOf(halvesBefore)).containsKey("transactionId");
        assertThat(broker.messageStore().maxOffsetInQueue("TxTopic", 2)).isZero();

        RemotingCommand committed = end("pg", sent.extFields().get("queueOffset"), physicalOffset(sent), 8);

        assertThat(committed.code()).isEqualTo(ResponseCode.SUCCESS);
        await().atMost(Duration.ofSeconds(30)).until(() -> broker.messageStore().maxOffsetInQueue("TxTopic", 2) == 1);
    }

    @Test
    void aCommittedHalfMessageWithADelayLevelArrivesItsDelayAfterTheCommit() throws Exception {
        TimerMessageService timers = broker.runtime().timerService();
        RemotingCommand sent = sendHalf("TxDelayed", PROPERTIES + "DELAY\u00012\u0002");
        assertThat(sent.code()).isEqualTo(ResponseCode.SUCCESS);
        long indexed = timers.indexedCount();

        RemotingCommand committed = end("pg", sent.extFields().get("queueOffset"), physicalOffset(sent), 8);

        assertThat(committed.code()).isEqualTo(ResponseCode.SUCCESS);
        await().atMost(Duration.ofSeconds(30)).until(() -> timers.indexedCount() >= indexed + 1);
        CLOCK.advance(Duration.ofSeconds(4));
        await().atMost(Duration.ofSeconds(30)).until(() -> timers.deliveredBeforeMillis() > CLOCK.millis()
                && broker.messageStore().stats().dispatchBehindBytes() == 0);
        assertThat(broker.messageStore().maxOffsetInQueue("TxDelayed", 2)).as("level 2 is 5 s").isZero();
        CLOCK.advance(Duration.ofMillis(1_001));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> broker.messageStore().maxOffsetInQueue("TxDelayed", 2) == 1);
        try (GetMessageResult result = broker.messageStore().getMessages("TxDelayed", 2, 0, 1, 1 << 20,
                MessageFilter.ALL)) {
            StoredMessage delivered = MessageCodec.decode(result.messages().get(0).buffer());
            assertThat(delivered.propertyMap()).containsEntry("DELAY", "2").containsEntry("REAL_TOPIC", "TxDelayed")
                    .containsEntry("TRAN_MSG", "true");
            assertThat(MessageSysFlag.transactionType(delivered.sysFlag()))
                    .isEqualTo(MessageSysFlag.TRANSACTION_COMMIT_TYPE);
        }
    }

    @Test
    void transactionalSendsThatCouldNeverBeResolvedAreRefused() throws Exception {
        RemotingCommand noGroup = sendHalf("TxTopic", "TRAN_MSG\u0001true\u0002");
        assertThat(noGroup.code()).isEqualTo(ResponseCode.MESSAGE_ILLEGAL);
        assertThat(noGroup.remark()).contains("PGROUP");
        RemotingCommand noFlag = sendHalf("TxTopic", "TAGS\u0001a\u0002");
        assertThat(noFlag.code()).isEqualTo(ResponseCode.MESSAGE_ILLEGAL);
        assertThat(noFlag.remark()).contains("TRAN_MSG");
    }

    @Test
    void endTransactionsThatDoNotNameTheirHalfMessageAreRefusedWithTheReason() throws Exception {
        RemotingCommand sent = sendHalf("TxTopic", PROPERTIES);
        String queueOffset = sent.extFields().get("queueOffset");
        long physicalOffset = physicalOffset(sent);

        assertThat(end("other-group", queueOffset, physicalOffset, 8).remark()).contains("producer group wrong");
        assertThat(end("pg", queueOffset + "9", physicalOffset, 8).remark())
                .contains("transaction state table offset wrong");
        assertThat(end("pg", queueOffset, physicalOffset + 1, 12).remark())
                .contains("Find prepared transaction message failed");
        assertThat(end("pg", queueOffset, 1L << 40, 8).code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        RemotingCommand badType = end("pg", queueOffset, physicalOffset, 5);
        assertThat(badType.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(badType.remark()).contains("commitOrRollback");
        RemotingCommand notANumber = end("pg", "x", physicalOffset, 8);
        assertThat(notANumber.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(notANumber.remark()).contains("tranStateTableOffset");

        assertThat(end("pg", queueOffset, physicalOffset, 12).code()).as("the real one still works")
                .isEqualTo(ResponseCode.SUCCESS);
    }
}
