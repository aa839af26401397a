package io.nimbusmq.store.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import io.nimbusmq.message.MessageInput;
import io.nimbusmq.store.DefaultMessageStore;
import io.nimbusmq.store.StoreConfig;
import io.nimbusmq.store.read.GetMessageResult;
import io.nimbusmq.store.read.MessageFilter;

/**
 * Measures what idle unmapping does to resident memory: writes {@code rss.gib} GiB of 1 KiB messages into a store
 * with production-sized segments, reads them all back, then prints VmRSS (and its file-backed part) right after and
 * again once the idle period has passed. Run it from the repository root after {@code mvn -pl mq-core-store
 * test-compile}:
 * <pre>
 * java -Xmx1g -cp mq-core-store/target/classes:mq-core-store/target/test-classes:$(cat cp.txt) \
 *     io.nimbusmq.store.benchmark.IdleUnmapRssCheck
 * </pre>
 * System properties: {@code rss.gib} (2), {@code rss.segmentMiB} (1024), {@code rss.idleMillis} (10000, 0 keeps
 * every segment mapped), {@code rss.dir} (the temp directory).
 */
public final class IdleUnmapRssCheck {

    private IdleUnmapRssCheck() {
    }

    public static void main(String[] args) throws Exception {
        long gib = Long.getLong("rss.gib", 2);
        int segmentMiB = Integer.getInteger("rss.segmentMiB", 1024);
        long idleMillis = Long.getLong("rss.idleMillis", 10_000);
        Path dir = Files.createTempDirectory(Paths.get(System.getProperty("rss.dir",
                System.getProperty("java.io.tmpdir"))), "rss-check");
        StoreConfig base = StoreConfig.production(dir);
        StoreConfig config = base.withCommitLog(base.commitLog().withSegmentSizeBytes(segmentMiB * 1024 * 1024)
                .withUnmapIdleMillis(idleMillis));
        DefaultMessageStore store = new DefaultMessageStore(config);
        try {
            store.start();
            report("started", store);
            byte[] body = new byte[1024];
            long messages = gib * 1024 * 1024;
            int queues = 8;
            for (long i = 0; i < messages; i++) {
                store.putMessage(MessageInput.builder("RssTopic", (int) (i % queues), body).build()).get();
            }
            store.awaitDispatched(600_000);
            report("after writing " + gib + " GiB", store);
            long read = 0;
            for (int queue = 0; queue < queues; queue++) {
                long offset = 0;
                while (true) {
                    try (GetMessageResult result = store.getMessages("RssTopic", queue, offset, 32, 1 << 20,
                            MessageFilter.ALL)) {
                        if (result.messageCount() == 0) {
                            break;
                        }
                        read += result.messageCount();
                        offset = result.nextBeginOffset();
                    }
                }
            }
            report("after reading " + read + " messages", store);
            long deadline = System.currentTimeMillis() + idleMillis + 5_000;
            while (System.currentTimeMillis() < deadline) {
                Thread.sleep(500);
            }
            report("after " + (idleMillis + 5_000) / 1000 + " s idle", store);
        } finally {
            store.shutdown();
            deleteRecursively(dir);
        }
    }

    private static void report(String when, DefaultMessageStore store) throws IOException {
        List<String> status = Files.readAllLines(Paths.get("/proc/self/status"));
        System.out.printf(Locale.ROOT, "%-32s VmRSS %6d MiB (RssFile %6d MiB, RssAnon %6d MiB), mapped segments %d%n",
                when, kib(status, "VmRSS") / 1024, kib(status, "RssFile") / 1024, kib(status, "RssAnon") / 1024,
                store.mappedCommitLogSegments());
    }

    private static long kib(List<String> status, String field) {
        return status.stream().filter(l -> l.startsWith(field + ":"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElse(-1);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
