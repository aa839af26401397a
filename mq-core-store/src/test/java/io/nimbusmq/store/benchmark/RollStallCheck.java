package io.nimbusmq.store.benchmark;

import java.lang.reflect.Field;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import io.nimbusmq.message.MessageConst;
import io.nimbusmq.message.MessageInput;
import io.nimbusmq.message.MessageProperties;
import io.nimbusmq.store.DefaultMessageStore;
import io.nimbusmq.store.StoreConfig;
import io.nimbusmq.store.commitlog.CommitLog;
import io.nimbusmq.store.file.MappedFileQueue;
import io.nimbusmq.store.flush.FlushMode;

/**
 * Does the commit log writer wait for a segment's reservation? One ASYNC_FLUSH writer appends 1 KiB messages over
 * several segments and prints every append that took longer than 50 ms (with the segment offset it landed at), the
 * time spent in such stalls, and the rate. Run with {@code -Dcheck.segmentMiB=256 -Dcheck.segments=4}; not a test.
 */
public final class RollStallCheck {

    /** The store does not expose its commit log; this check reads it reflectively. */
    private static MappedFileQueue commitLogFiles(DefaultMessageStore store) throws ReflectiveOperationException {
        Field field = DefaultMessageStore.class.getDeclaredField("commitLog");
        field.setAccessible(true);
        return ((CommitLog) field.get(store)).files();
    }

    public static void main(String[] args) throws Exception {
        int segmentMiB = Integer.getInteger("check.segmentMiB", 256);
        int segments = Integer.getInteger("check.segments", 4);
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("check.dir", "/tmp")), "roll-stall-");
        StoreConfig base = StoreConfig.production(dir).withFlushMode(FlushMode.ASYNC_FLUSH);
        StoreConfig config = base.withCommitLog(base.commitLog().withSegmentSizeBytes(segmentMiB << 20));
        DefaultMessageStore store = new DefaultMessageStore(config);
        byte[] body = new byte[1024];
        String properties = MessageProperties.encode(Map.of(MessageConst.TAGS, "TagA"));
        MessageInput[] inputs = new MessageInput[8];
        for (int q = 0; q < inputs.length; q++) {
            inputs[q] = MessageInput.builder("StallTopic", q, body).properties(properties)
                    .bornHost(new InetSocketAddress("10.0.0.1", 5)).storeHost(new InetSocketAddress("10.0.0.2", 6))
                    .build();
        }
        try {
            store.start();
            long target = (long) segments * (segmentMiB << 20);
            long stalledNanos = 0;
            int stalls = 0;
            long started = System.nanoTime();
            long n = 0;
            long written = 0;
            while (written < target) {
                long t0 = System.nanoTime();
                var result = store.putMessage(inputs[(int) (n++ % inputs.length)]).join();
                long took = System.nanoTime() - t0;
                written = result.append().physicalOffsets()[0];
                if (took > 50_000_000) {
                    stalls++;
                    stalledNanos += took;
                    System.out.printf("stall %.1f ms at offset %d MiB%n", took / 1e6, written >> 20);
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            MappedFileQueue files = commitLogFiles(store);
            System.out.printf("%d messages in %.1f s (%.0f msg/s); %d stalls > 50 ms, %.0f ms in total; the rolls took "
                    + "%.0f ms in total, %d of them reserved their segment inline%n", n, seconds, n / seconds, stalls,
                    stalledNanos / 1e6, files.rollNanos() / 1e6, files.inlineReservations());
        } finally {
            store.shutdown();
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
