package io.nimbusmq.broker;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import io.nimbusmq.remoting.dispatch.ProcessorExecutors;
import io.nimbusmq.remoting.dispatch.QueueStats;

/**
 * One executor per request family, so that a slow disk (send), a busy reader (pull) or an admin scan never stalls
 * heartbeats and offset commits.
 */
record BrokerExecutors(ExecutorService send, ExecutorService pull, ExecutorService query,
        ExecutorService clientManage, ExecutorService consumerManage, ExecutorService admin,
        ExecutorService nameServer) {

    static BrokerExecutors create() {
        int cores = Runtime.getRuntime().availableProcessors();
        return new BrokerExecutors(
                ProcessorExecutors.bounded("broker-send", Math.max(2, cores), 10_000),
                ProcessorExecutors.bounded("broker-pull", Math.max(4, cores * 2), 100_000),
                ProcessorExecutors.bounded("broker-query", 2, 1_000),
                ProcessorExecutors.bounded("broker-client", 2, 10_000),
                ProcessorExecutors.bounded("broker-offset", 2, 10_000),
                ProcessorExecutors.bounded("broker-admin", 2, 1_000),
                ProcessorExecutors.bounded("namesrv", 2, 10_000));
    }

    /** Each request queue by the key prefix RocketMQ's runtime info uses for it. */
    Map<String, QueueStats> queues() {
        Map<String, QueueStats> queues = new LinkedHashMap<>();
        queues.put("send", ProcessorExecutors.queueStats(send));
        queues.put("pull", ProcessorExecutors.queueStats(pull));
        queues.put("litePull", ProcessorExecutors.queueStats(pull));
        queues.put("query", ProcessorExecutors.queueStats(query));
        queues.put("EndTransaction", ProcessorExecutors.queueStats(send));
        return queues;
    }

    void shutdown(long timeoutMillis) {
        List<ExecutorService> all = List.of(send, pull, query, clientManage, consumerManage, admin, nameServer);
        all.forEach(ExecutorService::shutdown);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        for (ExecutorService executor : all) {
            try {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !executor.awaitTermination(left, TimeUnit.NANOSECONDS)) {
                    executor.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                executor.shutdownNow();
            }
        }
    }
}
