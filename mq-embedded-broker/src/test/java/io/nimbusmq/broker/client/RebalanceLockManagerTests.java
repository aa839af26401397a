package io.nimbusmq.broker.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.nimbusmq.remoting.protocol.body.client.MessageQueue;
import java.util.List;
import org.junit.jupiter.api.Test;

class RebalanceLockManagerTests {

    private static final long EXPIRY_MILLIS = RebalanceLockManager.DEFAULT_LOCK_EXPIRY_MILLIS;
    private static final MessageQueue Q0 = new MessageQueue("T", "broker-a", 0);
    private static final MessageQueue Q1 = new MessageQueue("T", "broker-a", 1);
    private static final MessageQueue Q2 = new MessageQueue("T", "broker-a", 2);

    private final RebalanceLockManager locks = new RebalanceLockManager();

    @Test
    void locksAreExclusivePerGroupAndQueue() {
        assertThat(locks.tryLockBatch("cg", List.of(Q0, Q1), "client-a", 1_000)).containsExactly(Q0, Q1);

        assertThat(locks.tryLockBatch("cg", List.of(Q0, Q1, Q2), "client-b", 2_000)).containsExactly(Q2);
        assertThat(locks.tryLockBatch("other-group", List.of(Q0), "client-b", 2_000)).containsExactly(Q0);

        assertThat(locks.lockHolder("cg", Q0, 2_000)).contains("client-a");
        assertThat(locks.lockHolder("cg", Q2, 2_000)).contains("client-b");
        assertThat(locks.isLocked("cg", Q1, 2_000)).isTrue();
    }

    @Test
    void holderGetsItsOwnLocksBackAndRenewsThem() {
        locks.tryLockBatch("cg", List.of(Q0), "client-a", 1_000);

        assertThat(locks.tryLockBatch("cg", List.of(Q0, Q1), "client-a", 50_000)).containsExactly(Q0, Q1);

        long afterFirstExpiry = 1_000 + EXPIRY_MILLIS + 1;
        assertThat(locks.isLocked("cg", Q0, afterFirstExpiry)).isTrue();
        assertThat(locks.tryLockBatch("cg", List.of(Q0), "client-b", afterFirstExpiry)).isEmpty();
    }

    @Test
    void lockExpiresStrictlyAfterExpiryAndCanBeTaken() {
        locks.tryLockBatch("cg", List.of(Q0), "client-a", 1_000);

        assertThat(locks.isLocked("cg", Q0, 1_000 + EXPIRY_MILLIS)).isTrue();
        assertThat(locks.tryLockBatch("cg", List.of(Q0), "client-b", 1_000 + EXPIRY_MILLIS)).isEmpty();

        long expired = 1_001 + EXPIRY_MILLIS;
        assertThat(locks.isLocked("cg", Q0, expired)).isFalse();
        assertThat(locks.lockHolder("cg", Q0, expired)).isEmpty();
        assertThat(locks.tryLockBatch("cg", List.of(Q0), "client-b", expired)).containsExactly(Q0);
        assertThat(locks.lockHolder("cg", Q0, expired)).contains("client-b");
    }

    @Test
    void expiryIsConfigurable() {
        RebalanceLockManager shortLocks = new RebalanceLockManager(10);
        shortLocks.tryLockBatch("cg", List.of(Q0), "client-a", 1_000);

        assertThat(shortLocks.isLocked("cg", Q0, 1_010)).isTrue();
        assertThat(shortLocks.isLocked("cg", Q0, 1_011)).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> new RebalanceLockManager(0));
    }

    @Test
    void unlockReleasesOnlyOwnLocks() {
        locks.tryLockBatch("cg", List.of(Q0), "client-a", 1_000);
        locks.tryLockBatch("cg", List.of(Q1), "client-b", 1_000);

        assertThat(locks.unlockBatch("cg", List.of(Q0, Q1, Q2), "client-a")).containsExactly(Q0);

        assertThat(locks.isLocked("cg", Q0, 2_000)).isFalse();
        assertThat(locks.lockHolder("cg", Q1, 2_000)).contains("client-b");
        assertThat(locks.tryLockBatch("cg", List.of(Q0), "client-b", 2_000)).containsExactly(Q0);
        assertThat(locks.unlockBatch("unknown", List.of(Q0), "client-a")).isEmpty();
    }

    @Test
    void brokerNameIsNotPartOfTheKey() {
        locks.tryLockBatch("cg", List.of(Q0), "client-a", 1_000);

        assertThat(locks.isLocked("cg", new MessageQueue("T", "other-name", 0), 1_000)).isTrue();
    }

    @Test
    void reportsWhetherGroupHoldsUnexpiredLocks() {
        assertThat(locks.hasUnexpiredLocks("cg", 1_000)).isFalse();
        locks.tryLockBatch("cg", List.of(Q0), "client-a", 1_000);

        assertThat(locks.hasUnexpiredLocks("cg", 1_000 + EXPIRY_MILLIS)).isTrue();
        assertThat(locks.hasUnexpiredLocks("cg", 1_001 + EXPIRY_MILLIS)).isFalse();
    }

    @Test
    void removesExpiredLocks() {
        locks.tryLockBatch("cg", List.of(Q0), "client-a", 1_000);
        locks.tryLockBatch("cg", List.of(Q1), "client-a", 30_000);

        assertThat(locks.removeExpired(1_001 + EXPIRY_MILLIS)).isEqualTo(1);
        assertThat(locks.removeExpired(30_001 + EXPIRY_MILLIS)).isEqualTo(1);
        assertThat(locks.removeExpired(Long.MAX_VALUE)).isZero();
    }
}
