package io.nimbusmq.broker.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.time.Clock;

import org.junit.jupiter.api.Test;

/**
 * The counters the send and pull paths update for every request allocate nothing once a topic and group are known
 * (issue 17: the statistics must not add garbage per message). Measured with the thread's own allocation counter.
 */
class BrokerStatsAllocationTests {

    private static final int CALLS = 100_000;

    private final BrokerStats stats = new BrokerStats("DefaultCluster", Clock.systemUTC());

    @Test
    void theMessagePathCountersAllocateNothingPerCall() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        String topic = "orders";
        String group = "billing";
        messagePath(topic, group, 1_000); // known topic and group, classes loaded
        long before = threads.getThreadAllocatedBytes(thread);
        messagePath(topic, group, CALLS);
        long allocated = threads.getThreadAllocatedBytes(thread) - before;

        // well below one byte per call: a one-off (a LongAdder cell under contention) may happen, garbage per call not
        assertThat(allocated).isLessThan(CALLS / 10);
    }

    private void messagePath(String topic, String group, int calls) {
        for (int i = 0; i < calls; i++) {
            stats.onSendDone(true, i & 7);
            stats.onPut(topic, 1, 1024);
            stats.onPull(i % 3 != 0, i & 3);
            stats.onGet(group, topic, 1, 1024);
        }
    }
}
