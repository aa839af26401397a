package io.nimbusmq.client.internal.producer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatencyFaultToleranceTests {

    @Test
    void aFastBrokerStaysAvailable() {
        LatencyFaultTolerance faults = new LatencyFaultTolerance(true);
        faults.record("a", 20, false, 1_000);
        assertThat(faults.isAvailable("a", 1_000)).isTrue();
    }

    @Test
    void aSlowBrokerIsSkippedForAWhile() {
        LatencyFaultTolerance faults = new LatencyFaultTolerance(true);
        faults.record("a", 600, false, 1_000);
        assertThat(faults.isAvailable("a", 1_000)).isFalse();
        assertThat(faults.isAvailable("a", 1_000 + 2_000)).isTrue();
    }

    @Test
    void aFailedBrokerIsSkippedForThirtySecondsUntilItAnswersQuickly() {
        LatencyFaultTolerance faults = new LatencyFaultTolerance(true);
        faults.record("a", 5, true, 0);
        assertThat(faults.isAvailable("a", 29_999)).isFalse();
        assertThat(faults.isAvailable("b", 0)).isTrue();
        faults.record("a", 5, false, 10);
        assertThat(faults.isAvailable("a", 10)).isTrue();
    }

    @Test
    void disabledAvoidanceKeepsEveryBroker() {
        LatencyFaultTolerance faults = new LatencyFaultTolerance(false);
        faults.record("a", 5, true, 0);
        assertThat(faults.isAvailable("a", 0)).isTrue();
    }

    @Test
    void theCommitLogOffsetComesFromTheOffsetMessageId() {
        assertThat(TransactionEnd.commitLogOffset("7F000001000051AF00000000000014E9")).isEqualTo(0x14E9);
    }
}
