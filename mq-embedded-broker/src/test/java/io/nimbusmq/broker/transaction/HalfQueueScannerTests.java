package io.nimbusmq.broker.transaction;

import static io.nimbusmq.broker.transaction.TransactionFixture.body;
import static io.nimbusmq.broker.transaction.TransactionFixture.end;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.nimbusmq.message.MessageSysFlag;
import io.nimbusmq.message.StoredMessage;
import io.nimbusmq.message.SystemTopics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HalfQueueScannerTests {

    private static final TransactionConfig CONFIG = TransactionConfig.defaults().withCheckMax(3);
    private static final Duration PAST_TIMEOUT = Duration.ofMillis(CONFIG.timeoutMillis() + 1);

    @TempDir
    Path dir;
    private TransactionFixture fixture;
    private final ResolvedTransactions resolved = new ResolvedTransactions();
    private final List<StoredMessage> checks = new ArrayList<>();
    private boolean producerOnline = true;

    @BeforeEach
    void open() throws Exception {
        fixture = new TransactionFixture(dir);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private HalfQueueScanner scanner() {
        CheckRequestSender sender = (group, copy) -> {
            assertThat(group).isEqualTo(TransactionFixture.GROUP);
            if (producerOnline) {
                checks.add(copy);
            }
            return producerOnline;
        };
        return new HalfQueueScanner(fixture.transactionLog, new CheckProgress(fixture.offsets), resolved, sender,
                CONFIG, fixture.clock);
    }

    private HalfQueueScanner.ScanResult scan() {
        HalfQueueScanner.ScanResult result = scanner().scan();
        fixture.awaitDispatched();
        return result;
    }

    private List<String> checkedBodies() {
        return checks.stream().map(TransactionFixture::body).toList();
    }

    private void commit(StoredMessage half) {
        assertThat(new TransactionResolver(fixture.transactionLog, resolved, fixture.scheduler())
                .end(end(half, MessageSysFlag.TRANSACTION_COMMIT_TYPE)).join().isOk()).isTrue();
        fixture.awaitDispatched();
    }

    @Test
    void halfMessagesYoungerThanTheTimeoutAreNotChecked() {
        fixture.sendHalf("Orders", 0, "a");
        fixture.clock.advance(Duration.ofMillis(CONFIG.timeoutMillis() - 1));

        HalfQueueScanner.ScanResult result = scan();

        assertThat(checks).isEmpty();
        assertThat(result.halfQueueOffset()).as("waits at the young message").isZero();
    }

    @Test
    void anUnresolvedHalfMessageIsCheckedOncePerPassThroughAFreshCopy() {
        StoredMessage half = fixture.sendHalf("Orders", 2, "a");
        fixture.clock.advance(PAST_TIMEOUT);

        HalfQueueScanner.ScanResult first = scan();
        HalfQueueScanner.ScanResult second = scan();

        assertThat(first.checked()).as("a pass ends before its own copy").isEqualTo(1);
        assertThat(first.halfQueueOffset()).isEqualTo(half.queueOffset() + 1);
        assertThat(second.checked()).as("the copy is as old as the transaction: the interval paces the checks")
                .isEqualTo(1);
        assertThat(checkedBodies()).containsExactly("a", "a");
        assertThat(checks.get(0).queueOffset()).isEqualTo(half.queueOffset() + 1);
        assertThat(checks.get(0).property("TRANSACTION_CHECK_TIMES")).isEqualTo("1");
        assertThat(checks.get(1).queueOffset()).isEqualTo(half.queueOffset() + 2);
        assertThat(checks.get(1).property("TRANSACTION_CHECK_TIMES")).isEqualTo("2");
        assertThat(checks.get(1).property("REAL_QID")).isEqualTo("2");
    }

    @Test
    void resolvedHalfMessagesAreNeverChecked() {
        StoredMessage committed = fixture.sendHalf("Orders", 0, "committed");
        fixture.sendHalf("Orders", 0, "open");
        StoredMessage rolledBack = fixture.sendHalf("Orders", 0, "rolled-back");
        commit(committed);
        assertThat(new TransactionResolver(fixture.transactionLog, resolved, fixture.scheduler())
                .end(end(rolledBack, MessageSysFlag.TRANSACTION_ROLLBACK_TYPE)).join().isOk()).isTrue();
        fixture.awaitDispatched();
        fixture.clock.advance(PAST_TIMEOUT);

        HalfQueueScanner.ScanResult result = scan();

        assertThat(checkedBodies()).containsExactly("open");
        assertThat(result.resolved()).isEqualTo(2);
        assertThat(result.halfQueueOffset()).isEqualTo(3);
        assertThat(result.opQueueOffset()).as("both ops settled").isEqualTo(2);
    }

    @Test
    void aCheckAnsweredWithACommitResolvesTheTransactionForGood() {
        StoredMessage half = fixture.sendHalf("Orders", 0, "a");
        fixture.clock.advance(PAST_TIMEOUT);
        scan();
        commit(checks.get(0));
        fixture.clock.advance(PAST_TIMEOUT);

        scan();
        scan();

        assertThat(checks).hasSize(1);
        assertThat(fixture.queue("Orders", 0)).extracting(TransactionFixture::body).containsExactly("a");
        assertThat(half.queueOffset()).isZero();
    }

    @Test
    void aLateAnswerToTheFirstCopyStillResolvesTheLaterOnes() {
        StoredMessage half = fixture.sendHalf("Orders", 0, "a");
        fixture.clock.advance(PAST_TIMEOUT);
        scan();
        commit(half); // the producer's own END_TRANSACTION, arriving after the check went out
        fixture.clock.advance(PAST_TIMEOUT);

        HalfQueueScanner.ScanResult result = scan();
        commit(checks.get(0)); // and its answer to the check

        assertThat(result.checked()).isZero();
        assertThat(result.resolved()).isEqualTo(1);
        assertThat(fixture.queue("Orders", 0)).as("committed once").hasSize(1);
    }

    @Test
    void afterTheLastCheckTheHalfMessageIsDiscardedToTheCheckMaxTopic() {
        fixture.sendHalf("Orders", 0, "never-answered");
        List<HalfQueueScanner.ScanResult> passes = new ArrayList<>();
        for (int i = 0; i < CONFIG.checkMax() + 2; i++) {
            fixture.clock.advance(PAST_TIMEOUT);
            passes.add(scan());
        }

        assertThat(checks).hasSize(CONFIG.checkMax());
        assertThat(passes).extracting(HalfQueueScanner.ScanResult::discarded).containsExactly(0, 0, 0, 1, 0);
        assertThat(fixture.queue(SystemTopics.TRANS_CHECK_MAX_TIME_TOPIC, 0)).singleElement().satisfies(discarded -> {
            assertThat(body(discarded)).isEqualTo("never-answered");
            assertThat(discarded.property("REAL_TOPIC")).isEqualTo("Orders");
            assertThat(discarded.property("TRANSACTION_CHECK_TIMES")).isEqualTo(String.valueOf(CONFIG.checkMax()));
        });
        assertThat(fixture.topics.find(SystemTopics.TRANS_CHECK_MAX_TIME_TOPIC)).isNotNull();
        assertThat(fixture.queue("Orders", 0)).isEmpty();
    }

    @Test
    void checksDueWhileNoProducerIsOnlineStillCount() {
        fixture.sendHalf("Orders", 0, "a");
        producerOnline = false;
        fixture.clock.advance(PAST_TIMEOUT);

        HalfQueueScanner.ScanResult offline = scan();
        producerOnline = true;
        fixture.clock.advance(PAST_TIMEOUT);
        scan();

        assertThat(offline.unreachable()).isEqualTo(1);
        assertThat(checks).singleElement().satisfies(c ->
                assertThat(c.property("TRANSACTION_CHECK_TIMES")).isEqualTo("2"));
    }

    @Test
    void aLongerImmunityTimeDefersTheFirstCheckWithoutHoldingUpOthers() {
        fixture.sendHalf("Orders", 0, "immune", Map.of("CHECK_IMMUNITY_TIME_IN_SECONDS", "60"));
        fixture.sendHalf("Orders", 0, "plain");
        fixture.clock.advance(PAST_TIMEOUT);

        HalfQueueScanner.ScanResult early = scan();
        fixture.clock.advance(Duration.ofSeconds(60));
        scan();

        assertThat(early.deferred()).isEqualTo(1);
        assertThat(early.checked()).as("the plain one behind it is checked at once").isEqualTo(1);
        assertThat(checkedBodies()).containsExactly("plain", "immune", "plain");
    }

    @Test
    void progressSurvivesARestartAndLostProgressDoesNotCheckResolvedOnesAgain() throws Exception {
        StoredMessage committed = fixture.sendHalf("Orders", 0, "committed");
        fixture.sendHalf("Orders", 0, "open");
        commit(committed);
        fixture.clock.advance(PAST_TIMEOUT);
        scan();
        assertThat(checkedBodies()).containsExactly("open");

        fixture.restart();
        fixture.clock.advance(PAST_TIMEOUT);
        HalfQueueScanner.ScanResult resumed = scan();
        assertThat(resumed.halfQueueOffset()).isEqualTo(3);
        assertThat(checks).extracting(c -> c.property("TRANSACTION_CHECK_TIMES")).containsExactly("1", "2");

        fixture.offsets.removeTopic(SystemTopics.TRANS_HALF_TOPIC);
        fixture.offsets.removeTopic(SystemTopics.TRANS_OP_HALF_TOPIC);
        checks.clear();
        fixture.clock.advance(PAST_TIMEOUT);
        HalfQueueScanner.ScanResult fromScratch = scan();

        assertThat(checkedBodies()).as("the committed one is known resolved from the op queue").containsOnly("open");
        assertThat(fromScratch.resolved()).isEqualTo(1);
    }
}
