package io.nimbusmq.store.benchmark;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

import io.nimbusmq.message.MessageConst;
import io.nimbusmq.message.MessageInput;
import io.nimbusmq.message.MessageProperties;
import io.nimbusmq.store.DefaultMessageStore;
import io.nimbusmq.store.PutMessageStatus;
import io.nimbusmq.store.StoreConfig;
import io.nimbusmq.store.StoreStats;
import io.nimbusmq.store.flush.FlushMode;

/**
 * How many commit log forces does SYNC_FLUSH cost per message? {@code check.threads} writers (32) each put 1 KiB
 * messages one after the other, waiting for each put, for {@code check.seconds} (10) after a warm-up of the same
 * length; prints messages per second, forces (msync calls) per message and messages per force. Run it under
 * {@code strace -f -c -e trace=msync,fsync,fdatasync} to count the system calls independently. Not a test.
 */
public final class GroupCommitCheck {

    public static void main(String[] args) throws Exception {
        int threads = Integer.getInteger("check.threads", 32);
        int seconds = Integer.getInteger("check.seconds", 10);
        int segmentMiB = Integer.getInteger("check.segmentMiB", 256);
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("check.dir", "/tmp")), "group-commit-");
        StoreConfig base = StoreConfig.production(dir).withFlushMode(FlushMode.SYNC_FLUSH);
        DefaultMessageStore store = new DefaultMessageStore(
                base.withCommitLog(base.commitLog().withSegmentSizeBytes(segmentMiB << 20)));
        String properties = MessageProperties.encode(Map.of(MessageConst.TAGS, "TagA"));
        LongAdder puts = new LongAdder();
        LongAdder failed = new LongAdder();
        try {
            store.start();
            List<Thread> writers = new ArrayList<>();
            long end = System.nanoTime() + 2L * seconds * 1_000_000_000L;
            for (int t = 0; t < threads; t++) {
                MessageInput input = MessageInput.builder("GroupCommitTopic", t % 8, new byte[1024])
                        .properties(properties).bornHost(new InetSocketAddress("10.0.0.1", 5))
                        .storeHost(new InetSocketAddress("10.0.0.2", 6)).build();
                Thread writer = new Thread(() -> {
                    while (System.nanoTime() < end) {
                        var result = store.putMessage(input).join();
                        if (result.status() == PutMessageStatus.PUT_OK) {
                            puts.increment();
                        } else {
                            failed.increment();
                        }
                    }
                }, "writer-" + t);
                writers.add(writer);
                writer.start();
            }
            Thread.sleep(seconds * 1000L);
            StoreStats before = store.stats();
            long putsBefore = puts.sum();
            long started = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            StoreStats after = store.stats();
            long n = puts.sum() - putsBefore;
            double took = (System.nanoTime() - started) / 1e9;
            long forces = after.forceCount() - before.forceCount();
            System.out.printf("%d writers, SYNC_FLUSH, 1 KiB: %d puts in %.1f s (%.0f msg/s), %d forces, "
                    + "%.3f forces per message, %.1f messages per force, %d puts not PUT_OK%n", threads, n, took,
                    n / took, forces, (double) forces / n, (double) n / Math.max(1, forces), failed.sum());
            for (Thread writer : writers) {
                writer.join();
            }
        } finally {
            store.shutdown();
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
