package io.nimbusmq.broker.transaction;

import static io.nimbusmq.broker.transaction.TransactionFixture.body;
import static io.nimbusmq.broker.transaction.TransactionFixture.end;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;


import io.nimbusmq.message.MessageSysFlag;
import io.nimbusmq.message.StoredMessage;
import io.nimbusmq.message.SystemTopics;
import io.nimbusmq.remoting.protocol.ResponseCode;
import io.nimbusmq.remoting.protocol.header.EndTransactionRequestHeader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransactionResolverTests {

    private static final int COMMIT = MessageSysFlag.TRANSACTION_COMMIT_TYPE;
    private static final int ROLLBACK = MessageSysFlag.TRANSACTION_ROLLBACK_TYPE;

    @TempDir
    Path dir;
    private TransactionFixture fixture;
    private TransactionResolver resolver;

    @BeforeEach
    void open() throws Exception {
        fixture = new TransactionFixture(dir);
        resolver = new TransactionResolver(fixture.transactionLog, new ResolvedTransactions(),
                fixture.scheduler());
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private TransactionResolver.Resolution resolve(EndTransactionRequestHeader request) {
        return resolver.end(request).join();
    }

    @Test
    void theHalfMessageIsInvisibleUntilCommitted() {
        StoredMessage half = fixture.sendHalf("Orders", 1, "o-1");
        assertThat(fixture.queue("Orders", 1)).isEmpty();

        assertThat(resolve(end(half, COMMIT)).isOk()).isTrue();

        assertThat(fixture.queue("Orders", 1)).singleElement().satisfies(committed -> {
            assertThat(body(committed)).isEqualTo("o-1");
            assertThat(MessageSysFlag.transactionType(committed.sysFlag()))
                    .isEqualTo(MessageSysFlag.TRANSACTION_COMMIT_TYPE);
            assertThat(committed.preparedTransactionOffset()).isEqualTo(half.physicalOffset());
            assertThat(committed.property("UNIQ_KEY")).isEqualTo(half.property("UNIQ_KEY"));
            assertThat(committed.property("TAGS")).isEqualTo("created");
        });
        assertThat(fixture.queue(SystemTopics.TRANS_OP_HALF_TOPIC, 0)).singleElement().satisfies(op -> {
            assertThat(op.property("TAGS")).isEqualTo("d");
            assertThat(body(op)).isEqualTo(half.queueOffset() + ",");
        });
    }

    @Test
    void aCommittedDelayLevelMessageWaitsInItsScheduleQueueFromTheCommit() {
        StoredMessage half = fixture.sendHalf("Orders", 1, "o-1", Map.of("DELAY", "2"));
        fixture.clock.advance(Duration.ofSeconds(40));
        long committedAt = fixture.clock.millis();

        assertThat(resolve(end(half, COMMIT)).isOk()).isTrue();

        assertThat(fixture.queue("Orders", 1)).as("not before its delay").isEmpty();
        assertThat(fixture.queue(SystemTopics.SCHEDULE_TOPIC, 1)).singleElement().satisfies(waiting -> {
            assertThat(body(waiting)).isEqualTo("o-1");
            assertThat(waiting.property("REAL_TOPIC")).isEqualTo("Orders");
            assertThat(waiting.property("REAL_QID")).isEqualTo("1");
            assertThat(waiting.property("TIMER_OUT_MS")).isEqualTo(Long.toString(committedAt + 5_000));
            assertThat(waiting.property("UNIQ_KEY")).isEqualTo(half.property("UNIQ_KEY"));
            assertThat(MessageSysFlag.transactionType(waiting.sysFlag()))
                    .isEqualTo(MessageSysFlag.TRANSACTION_COMMIT_TYPE);
            assertThat(waiting.preparedTransactionOffset()).isEqualTo(half.physicalOffset());
        });
        assertThat(fixture.queue(SystemTopics.TRANS_OP_HALF_TOPIC, 0)).hasSize(1);
    }

    @Test
    void aCommittedTimerMessageWaitsInTheTimerQueueFromTheCommit() {
        StoredMessage half = fixture.sendHalf("Orders", 0, "o-1", Map.of("TIMER_DELAY_SEC", "30"));
        fixture.clock.advance(Duration.ofSeconds(7));
        long committedAt = fixture.clock.millis();

        assertThat(resolve(end(half, COMMIT)).isOk()).isTrue();

        assertThat(fixture.queue("Orders", 0)).isEmpty();
        assertThat(fixture.queue(SystemTopics.TIMER_TOPIC, 0)).singleElement().satisfies(waiting -> {
            assertThat(waiting.property("REAL_TOPIC")).isEqualTo("Orders");
            assertThat(waiting.property("TIMER_OUT_MS")).isEqualTo(Long.toString(committedAt + 30_000));
        });
    }

    @Test
    void aCommitWhoseTimerIsRefusedIsNotRecordedAndCanBeResolvedAgain() {
        StoredMessage half = fixture.sendHalf("Orders", 1, "o-1",
                Map.of("TIMER_DELAY_SEC", Long.toString(Duration.ofDays(8).toSeconds())));

        TransactionResolver.Resolution refused = resolve(end(half, COMMIT));

        assertThat(refused.code()).isEqualTo(ResponseCode.MESSAGE_ILLEGAL);
        assertThat(refused.remark()).startsWith("timer message illegal");
        assertThat(fixture.queue(SystemTopics.TIMER_TOPIC, 0)).isEmpty();
        assertThat(fixture.queue(SystemTopics.TRANS_OP_HALF_TOPIC, 0)).as("left to the check-back").isEmpty();
        assertThat(resolve(end(half, ROLLBACK)).isOk()).isTrue();
        assertThat(fixture.queue(SystemTopics.TRANS_OP_HALF_TOPIC, 0)).hasSize(1);
    }

    @Test
    void aRollbackOnlyRecordsTheResolution() {
        StoredMessage half = fixture.sendHalf("Orders", 1, "o-1");

        assertThat(resolve(end(half, ROLLBACK)).isOk()).isTrue();

        assertThat(fixture.queue("Orders", 1)).isEmpty();
        assertThat(fixture.queue(SystemTopics.TRANS_OP_HALF_TOPIC, 0)).hasSize(1);
    }

    @Test
    void anUnknownStateChangesNothing() {
        StoredMessage half = fixture.sendHalf("Orders", 1, "o-1");

        assertThat(resolve(end(half, MessageSysFlag.TRANSACTION_NOT_TYPE)).isOk()).isTrue();

        assertThat(fixture.queue("Orders", 1)).isEmpty();
        assertThat(fixture.queue(SystemTopics.TRANS_OP_HALF_TOPIC, 0)).isEmpty();
    }

    @Test
    void aTransactionIsCommittedOnceThoughItsCopiesAreResolvedTwice() {
        StoredMessage half = fixture.sendHalf("Orders", 1, "o-1");
        StoredMessage copy = fixture.transactionLog.putAndLook(HalfMessages.checkCopy(half, 1));

        TransactionResolver.Resolution first = resolve(end(copy, COMMIT));
        TransactionResolver.Resolution late = resolve(end(half, COMMIT));
        TransactionResolver.Resolution contrary = resolve(end(half, ROLLBACK));

        assertThat(first.isOk()).isTrue();
        assertThat(late.isOk()).isTrue();
        assertThat(late.remark()).contains("already resolved (commit)");
        assertThat(contrary.remark()).contains("already resolved (commit)");
        assertThat(fixture.queue("Orders", 1)).hasSize(1);
        assertThat(fixture.queue(SystemTopics.TRANS_OP_HALF_TOPIC, 0)).hasSize(3);
    }

    @Test
    void requestsThatDoNotNameTheirHalfMessageAreRefusedWithTheReason() {
        StoredMessage half = fixture.sendHalf("Orders", 1, "o-1");
        fixture.sendHalf("Orders", 1, "o-2");
        EndTransactionRequestHeader good = end(half, COMMIT);

        assertThat(resolve(new EndTransactionRequestHeader("someone-else", good.tranStateTableOffset(),
                good.commitLogOffset(), COMMIT, false, good.msgId(), null, null)))
                .satisfies(r -> assertThat(r.code()).isEqualTo(ResponseCode.SYSTEM_ERROR))
                .satisfies(r -> assertThat(r.remark()).contains("producer group wrong"));
        assertThat(resolve(new EndTransactionRequestHeader(good.producerGroup(), good.tranStateTableOffset() + 1,
                good.commitLogOffset(), COMMIT, false, good.msgId(), null, null)).remark())
                .contains("transaction state table offset wrong");
        assertThat(resolve(new EndTransactionRequestHeader(good.producerGroup(), good.tranStateTableOffset(),
                good.commitLogOffset() + 5, COMMIT, false, good.msgId(), null, null)).remark())
                .contains("Find prepared transaction message failed");
        assertThat(resolve(new EndTransactionRequestHeader(good.producerGroup(), good.tranStateTableOffset(),
                Long.MAX_VALUE / 2, ROLLBACK, false, good.msgId(), null, null)).code())
                .isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(resolve(new EndTransactionRequestHeader(good.producerGroup(), 0, -1, COMMIT, false,
                good.msgId(), null, null)).code()).isEqualTo(ResponseCode.SYSTEM_ERROR);

        StoredMessage committed = commitAndRead(half);
        assertThat(resolve(new EndTransactionRequestHeader(good.producerGroup(), committed.queueOffset(),
                committed.physicalOffset(), COMMIT, false, good.msgId(), null, null)).remark())
                .as("a consumable message is no half message").contains("not a half message");
        assertThat(fixture.queue("Orders", 1)).as("nothing but the one real commit").hasSize(1);
    }

    private StoredMessage commitAndRead(StoredMessage half) {
        assertThat(resolve(end(half, COMMIT)).isOk()).isTrue();
        return fixture.queue("Orders", 1).get(0);
    }
}
