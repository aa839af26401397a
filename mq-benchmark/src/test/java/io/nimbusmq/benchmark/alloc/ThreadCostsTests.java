package io.nimbusmq.benchmark.alloc;

import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ThreadCostsTests {

    /** Keeps the test's allocation reachable, so that nothing can optimise it away. */
    private static volatile Object sink;

    @Test
    void rolesAreToldByThreadNameAlsoWhenTheKernelCutItTo15Characters() {
        assertThat(ThreadRole.of("nimbus-remoting-io-3-1")).isEqualTo(ThreadRole.BROKER_IO);
        assertThat(ThreadRole.of("broker-pull-hold")).isEqualTo(ThreadRole.BROKER_PULL_HOLD);
        assertThat(ThreadRole.of("broker-pull-hol")).isEqualTo(ThreadRole.BROKER_PULL_HOLD);
        assertThat(ThreadRole.of("broker-pull-2")).isEqualTo(ThreadRole.BROKER_PULL);
        assertThat(ThreadRole.of("broker-send-1")).isEqualTo(ThreadRole.BROKER_SEND);
        assertThat(ThreadRole.of("store-reput")).isEqualTo(ThreadRole.STORE_DISPATCH);
        assertThat(ThreadRole.of("store-group-commit")).isEqualTo(ThreadRole.STORE_OTHER);
        assertThat(ThreadRole.of("nimbus-client-io-1-1")).isEqualTo(ThreadRole.CLIENT_IO);
        assertThat(ThreadRole.of("nimbus-client-i")).isEqualTo(ThreadRole.CLIENT_IO);
        assertThat(ThreadRole.of("nimbus-consume-group-1")).isEqualTo(ThreadRole.CLIENT_CONSUME);
        assertThat(ThreadRole.of("main")).isEqualTo(ThreadRole.OTHER);
    }

    @Test
    void aSnapshotDifferenceCountsWhatAThreadOfARoleAllocatedInBetween() throws Exception {
        CountDownLatch measured = new CountDownLatch(1);
        CountDownLatch allocate = new CountDownLatch(1);
        CountDownLatch allocated = new CountDownLatch(1);
        Thread thread = new Thread(() -> {
            try {
                allocate.await();
                byte[][] chunks = new byte[16][];
                for (int i = 0; i < chunks.length; i++) {
                    chunks[i] = new byte[1 << 20];
                }
                allocated.countDown();
                measured.await();
                sink = chunks;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "probe-test-allocator");
        thread.start();
        ThreadCosts before = ThreadCosts.snapshot();
        allocate.countDown();
        allocated.await();
        ThreadCosts delta = ThreadCosts.snapshot().minus(before);
        measured.countDown();
        thread.join();

        assertThat(delta.of(ThreadRole.CLIENT_CALLER).allocatedBytes()).isGreaterThanOrEqualTo(16L << 20);
        assertThat(delta.of(List.of(ThreadRole.CLIENT_CALLER, ThreadRole.BROKER_SEND)).allocatedBytes())
                .isEqualTo(delta.of(ThreadRole.CLIENT_CALLER).allocatedBytes()
                        + delta.of(ThreadRole.BROKER_SEND).allocatedBytes());
    }

    @Test
    void aThreadThatEndsInBetweenIsLeftOutInsteadOfMakingItsRoleNegative() throws Exception {
        CountDownLatch end = new CountDownLatch(1);
        Thread ending = new Thread(() -> {
            sink = new byte[4 << 20];
            try {
                end.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "probe-test-ends-in-between");
        ending.start();
        while (ending.getState() != Thread.State.WAITING) {
            Thread.onSpinWait();
        }
        ThreadCosts before = ThreadCosts.snapshot();
        end.countDown();
        ending.join();
        ThreadCosts delta = ThreadCosts.snapshot().minus(before);

        assertThat(before.of(ThreadRole.CLIENT_CALLER).allocatedBytes()).isGreaterThanOrEqualTo(4L << 20);
        assertThat(delta.of(ThreadRole.CLIENT_CALLER).allocatedBytes()).isBetween(0L, 1L << 20);
    }

    @Test
    void wakeUpsAreTheVoluntaryContextSwitchesOfATask() {
        assertThat(ThreadCosts.voluntarySwitches(List.of("Name:\tbroker-send-1", "voluntary_ctxt_switches:\t42",
                "nonvoluntary_ctxt_switches:\t7"))).isEqualTo(42);
        assertThat(ThreadCosts.voluntarySwitches(List.of("Name:\tx"))).isZero();
    }
}
