package io.nimbusmq.benchmark.threads;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.nimbusmq.benchmark.metrics.ProcFs;
import io.nimbusmq.client.ClientConfig;
import io.nimbusmq.client.MqClient;
import io.nimbusmq.client.consumer.ConsumeStatus;
import io.nimbusmq.client.consumer.ConsumerConfig;
import io.nimbusmq.client.consumer.PushConsumer;
import io.nimbusmq.client.consumer.Subscription;
import io.nimbusmq.remoting.protocol.body.client.ConsumeFromWhere;

/**
 * One side of {@link ConsumePoolComparison}, in a JVM of its own so that its memory is the consumer's alone: a push
 * consumer in a new group drains the topic's backlog from the first offset with {@code consumeThreads} handler
 * threads, platform or virtual, each call sleeping {@code workMillis} (a blocking call's stand-in). Prints one line:
 * {@code RESULT <seconds> <peak RSS bytes> <VmHWM bytes> <peak live platform threads>}, the period running from the
 * consumer's start to the last message handled, RSS and threads sampled every 20 ms.
 *
 * <pre>
 * java -cp ... io.nimbusmq.benchmark.threads.ConsumePoolRun nameServer topic platform|virtual messages threads workMillis
 * </pre>
 */
public final class ConsumePoolRun {

    private ConsumePoolRun() {
    }

    public static void main(String[] args) throws Exception {
        String nameServer = args[0];
        String topic = args[1];
        boolean virtual = "virtual".equals(args[2]);
        int messages = Integer.parseInt(args[3]);
        int threads = Integer.parseInt(args[4]);
        long workMillis = Long.parseLong(args[5]);
        long pid = ProcessHandle.current().pid();
        AtomicLong peakRss = new AtomicLong();
        AtomicLong peakThreads = new AtomicLong();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> {
            peakRss.accumulateAndGet(ProcFs.memory(pid).rssBytes(), Math::max);
            peakThreads.accumulateAndGet(ManagementFactory.getThreadMXBean().getThreadCount(), Math::max);
        }, 0, 20, TimeUnit.MILLISECONDS);
        CountDownLatch handled = new CountDownLatch(messages);
        double seconds;
        try (MqClient client = MqClient.create(ClientConfig.builder().nameServer(nameServer)
                .instanceName("consume-pool-" + args[2]).requestTimeout(Duration.ofSeconds(10)).build())) {
            long start = System.nanoTime();
            PushConsumer consumer = client.pushConsumer(ConsumerConfig.builder(topic + "-group")
                    .subscribe(Subscription.all(topic)).consumeThreads(threads).virtualThreads(virtual)
                    .consumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET).build(), batch -> {
                        try {
                            Thread.sleep(workMillis);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return ConsumeStatus.RETRY;
                        }
                        batch.forEach(message -> handled.countDown());
                        return ConsumeStatus.SUCCESS;
                    });
            consumer.start();
            if (!handled.await(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException(handled.getCount() + " messages not consumed in 10 minutes");
            }
            seconds = (System.nanoTime() - start) / 1e9;
        }
        sampler.shutdownNow();
        System.out.printf("RESULT %.3f %d %d %d%n", seconds, peakRss.get(), highWaterMark(), peakThreads.get());
    }

    /** VmHWM of /proc/self/status: the process's peak resident set, in bytes; -1 when unknown. */
    private static long highWaterMark() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return -1;
        }
        return Files.readAllLines(status).stream().filter(line -> line.startsWith("VmHWM:"))
                .map(line -> Long.parseLong(line.replaceAll("\\D", "")) * 1024).findFirst().orElse(-1L);
    }
}
