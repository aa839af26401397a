package io.nimbusmq.broker.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.nimbusmq.message.MessageInput;
import io.nimbusmq.message.MessageProperties;
import io.nimbusmq.message.MessageSysFlag;
import io.nimbusmq.message.StoredMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HalfMessagesTests {

    private static final InetSocketAddress HOST = new InetSocketAddress("127.0.0.1", 10911);

    private static MessageInput send(String properties, int sysFlag, int reconsumeTimes) {
        return new MessageInput("Orders", 3, 7, "body".getBytes(StandardCharsets.UTF_8), properties, sysFlag, 1_000,
                HOST, HOST, reconsumeTimes, 0);
    }

    private static String props(String... nameValues) {
        java.util.LinkedHashMap<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            map.put(nameValues[i], nameValues[i + 1]);
        }
        return MessageProperties.encode(map);
    }

    @Test
    void aPreparedSendBecomesAnInvisibleHalfMessageOfTheHalfQueue() {
        MessageInput sent = send(props("TAGS", "a", "TRAN_MSG", "true", "PGROUP", "pg", "UNIQ_KEY", "U1"),
                MessageSysFlag.TRANSACTION_PREPARED_TYPE | MessageSysFlag.COMPRESSED, 0);

        MessageInput half = HalfMessages.storeAsHalf(List.of(sent)).get(0);

        assertThat(half.topic()).isEqualTo("RMQ_SYS_TRANS_HALF_TOPIC");
        assertThat(half.queueId()).isZero();
        assertThat(MessageSysFlag.transactionType(half.sysFlag())).isEqualTo(MessageSysFlag.TRANSACTION_NOT_TYPE);
        assertThat(half.sysFlag() & MessageSysFlag.COMPRESSED).as("other bits kept").isNotZero();
        assertThat(MessageProperties.decode(half.properties())).containsEntry("REAL_TOPIC", "Orders")
                .containsEntry("REAL_QID", "3").containsEntry("__transactionId__", "U1")
                .containsEntry("TRAN_MSG", "true").containsEntry("PGROUP", "pg").containsEntry("TAGS", "a");
        assertThat(half.body()).isEqualTo(sent.body());
        assertThat(half.flag()).isEqualTo(7);
        assertThat(half.bornTimestamp()).isEqualTo(1_000);
    }

    @Test
    void ordinarySendsPassUnchanged() {
        List<MessageInput> plain = List.of(send(props("TAGS", "a"), 0, 0));
        List<MessageInput> batch = List.of(send(props("TAGS", "a"), 0, 0), send(props("TAGS", "b"), 0, 0));

        assertThat(HalfMessages.storeAsHalf(plain)).isSameAs(plain);
        assertThat(HalfMessages.storeAsHalf(batch)).isSameAs(batch);
    }

    @Test
    void aRetryWithADelayIsNoHalfMessageAndLosesItsPreparedBits() {
        MessageInput retry = send(props("TRAN_MSG", "true", "PGROUP", "pg", "DELAY", "3"),
                MessageSysFlag.TRANSACTION_PREPARED_TYPE, 1);

        MessageInput stored = HalfMessages.storeAsHalf(List.of(retry)).get(0);

        assertThat(stored.topic()).isEqualTo("Orders");
        assertThat(MessageSysFlag.isConsumable(stored.sysFlag())).isTrue();
    }

    @Test
    void transactionalSendsThatCouldNeverBeResolvedAreRefused() {
        assertThatThrownBy(() -> HalfMessages.storeAsHalf(List.of(send(props("TRAN_MSG", "true"),
                MessageSysFlag.TRANSACTION_PREPARED_TYPE, 0))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PGROUP");
        assertThatThrownBy(() -> HalfMessages.storeAsHalf(List.of(send(props("TAGS", "a"),
                MessageSysFlag.TRANSACTION_PREPARED_TYPE, 0))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TRAN_MSG");
        assertThatThrownBy(() -> HalfMessages.storeAsHalf(List.of(send(props("TAGS", "a"), 0, 0),
                send(props("TRAN_MSG", "true", "PGROUP", "pg"), 0, 0))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batch");
    }

    @Test
    void theCommittedMessageIsTheHalfInItsRealQueueWithTheCommitType(@TempDir Path dir) throws Exception {
        try (TransactionFixture fixture = new TransactionFixture(dir)) {
            StoredMessage half = fixture.sendHalf("Orders", 2, "o-1");

            MessageInput committed = HalfMessages.committed(half);

            assertThat(committed.topic()).isEqualTo("Orders");
            assertThat(committed.queueId()).isEqualTo(2);
            assertThat(MessageSysFlag.transactionType(committed.sysFlag()))
                    .isEqualTo(MessageSysFlag.TRANSACTION_COMMIT_TYPE);
            assertThat(committed.preparedTransactionOffset()).isEqualTo(half.physicalOffset());
            assertThat(committed.properties()).as("RocketMQ 5.3.1 stores the half's property string")
                    .isEqualTo(half.properties());
            assertThat(committed.bornTimestamp()).isEqualTo(half.bornTimestamp());
        }
    }

    @Test
    void checkCountsAndImmunityComeFromTheProperties(@TempDir Path dir) throws Exception {
        try (TransactionFixture fixture = new TransactionFixture(dir)) {
            StoredMessage plain = fixture.sendHalf("Orders", 0, "a");
            StoredMessage immune = fixture.sendHalf("Orders", 0, "b", Map.of("CHECK_IMMUNITY_TIME_IN_SECONDS", "60"));
            StoredMessage shortImmunity = fixture.sendHalf("Orders", 0, "c",
                    Map.of("CHECK_IMMUNITY_TIME_IN_SECONDS", "1"));

            assertThat(HalfMessages.checkTimes(plain)).isZero();
            assertThat(MessageProperties.get(HalfMessages.checkCopy(plain, 3).properties(), "TRANSACTION_CHECK_TIMES"))
                    .isEqualTo("3");
            assertThat(HalfMessages.immunityMillis(plain, 6_000)).isEqualTo(6_000);
            assertThat(HalfMessages.immunityMillis(immune, 6_000)).isEqualTo(60_000);
            assertThat(HalfMessages.immunityMillis(shortImmunity, 6_000)).as("never below the timeout")
                    .isEqualTo(6_000);
            assertThat(MessageProperties.get(HalfMessages.immunityCopy(immune).properties(),
                    "TRAN_PREPARED_QUEUE_OFFSET")).isEqualTo(String.valueOf(immune.queueOffset()));
        }
    }
}
