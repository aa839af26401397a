package io.nimbusmq.broker.benchmark;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.IntConsumer;

import com.sun.management.ThreadMXBean;

import io.nimbusmq.broker.stats.BrokerStats;

/**
 * The broker's CPU cost of statistics per message, measured as this thread's CPU time (so other processes on a shared
 * machine do not count) and its allocated bytes: what a send adds ({@link BrokerStats#onPut} and
 * {@link BrokerStats#onSendDone}) and what a pull of 32 messages adds ({@link BrokerStats#onGet} and
 * {@link BrokerStats#onPull}), over 100 topics and 100 groups whose counters exist (as after their first request),
 * with the per-second sampling running beside it on its own thread. Run:
 * {@code java -cp <test classpath> io.nimbusmq.broker.benchmark.StatsCostBenchmark}.
 */
public final class StatsCostBenchmark {

    private static final int KEYS = 100;
    private static final int PULL_BATCH = 32;

    private StatsCostBenchmark() {
    }

    public static void main(String[] args) {
        BrokerStats stats = new BrokerStats("DefaultCluster", Clock.systemUTC());
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        stats.start(sampler);
        String[] topics = new String[KEYS];
        String[] groups = new String[KEYS];
        for (int i = 0; i < KEYS; i++) {
            topics[i] = "topic-" + i;
            groups[i] = "group-" + i;
        }
        int iterations = 5_000_000;
        for (int round = 0; round < 3; round++) {
            Cost send = measure(iterations, i -> {
                stats.onPut(topics[i % KEYS], 1, 1024);
                stats.onSendDone(true, 1);
            });
            Cost pull = measure(iterations / 10, i -> {
                stats.onGet(groups[i % KEYS], topics[i % KEYS], PULL_BATCH, PULL_BATCH * 1024L);
                stats.onPull(true, 1);
            });
            System.out.printf("round %d: send %.1f ns CPU and %.3f bytes allocated per message; pull %.1f ns CPU per "
                    + "pull, %.2f ns per message delivered, %.3f bytes allocated per pull%n", round, send.nanos(),
                    send.bytes(), pull.nanos(), pull.nanos() / PULL_BATCH, pull.bytes());
        }
        sampler.shutdownNow();
    }

    private static Cost measure(int iterations, IntConsumer action) {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long threadId = Thread.currentThread().getId();
        for (int i = 0; i < iterations / 4; i++) {
            action.accept(i);
        }
        long cpuBefore = threads.getCurrentThreadCpuTime();
        long bytesBefore = threads.getThreadAllocatedBytes(threadId);
        for (int i = 0; i < iterations; i++) {
            action.accept(i);
        }
        long cpu = threads.getCurrentThreadCpuTime() - cpuBefore;
        long bytes = threads.getThreadAllocatedBytes(threadId) - bytesBefore;
        return new Cost(cpu / (double) iterations, bytes / (double) iterations);
    }

    private record Cost(double nanos, double bytes) {
    }
}
