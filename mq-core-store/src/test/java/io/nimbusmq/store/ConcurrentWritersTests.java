package io.nimbusmq.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.nimbusmq.message.MessageCodec;
import io.nimbusmq.message.MessageConst;
import io.nimbusmq.message.MessageInput;
import io.nimbusmq.message.MessageProperties;
import io.nimbusmq.message.RecordCheck;
import io.nimbusmq.message.StoredMessage;
import io.nimbusmq.store.commitlog.CommitLogConfig;
import io.nimbusmq.store.file.MappedFile;
import io.nimbusmq.store.file.MappedSlice;
import io.nimbusmq.store.flush.FlushConfig;
import io.nimbusmq.store.flush.FlushMode;
import io.nimbusmq.store.queue.ConsumeQueueConfig;
import io.nimbusmq.store.read.GetMessageResult;
import io.nimbusmq.store.read.GetMessageStatus;
import io.nimbusmq.store.read.MessageFilter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sixteen threads put at once into a handful of queues. Proves that the put lock hands out queue offsets and commit
 * log space correctly: every queue holds offsets 0 to n-1 with no gap and no duplicate, every record is intact and
 * holds what its writer wrote, records never overlap, and each writer's messages keep their order within a queue. In
 * SYNC_FLUSH mode it also proves group commit (concurrent writers share forces) and that a put is acknowledged only
 * once its bytes are forced, also when another writer rolls the segment meanwhile.
 */
class ConcurrentWritersTests {

    private static final int WRITERS = 16;
    private static final List<String> TOPICS = List.of("Orders", "Payments", "Audit");
    private static final int QUEUES_PER_TOPIC = 3;
    private static final long TIMEOUT_SECONDS = 120;

    @TempDir
    Path dir;

    private DefaultMessageStore store;

    @AfterEach
    void stop() {
        if (store != null) {
            store.shutdown();
        }
    }

    @Test
    void asyncFlushWritersGetGapFreeQueuesWithIntactMessagesInWriterOrder() throws Exception {
        start(FlushMode.ASYNC_FLUSH, 1024 * 1024);
        List<Put> puts = runWriters(3_000);

        assertThat(store.stats().putMessageCount()).isEqualTo(WRITERS * 3_000L);
        assertThat(store.commitLogMaxOffset()).as("the log spans many segments")
                .isGreaterThan(8L * store.config().commitLog().segmentSizeBytes());
        assertEveryQueueHoldsExactly(puts);
        assertRecordsDoNotOverlap(puts);
    }

    @Test
    void syncFlushWritersShareForcesThroughGroupCommitAndAreAckedOnlyOnceForced() throws Exception {
        // small segments: about 70 rolls, each a chance to acknowledge bytes left unforced in the previous segment
        start(FlushMode.SYNC_FLUSH, 16 * 1024);
        List<Put> puts = runWriters(200);

        assertThat(puts).as("puts acknowledged before their bytes were forced")
                .filteredOn(put -> !put.forcedWhenAcked()).isEmpty();
        long forces = store.stats().forceCount();
        assertThat(forces).as("forces for %d puts", puts.size()).isPositive().isLessThanOrEqualTo(puts.size() / 2);
        assertEveryQueueHoldsExactly(puts);
        assertRecordsDoNotOverlap(puts);
    }

    private void start(FlushMode mode, int segmentSizeBytes) throws Exception {
        StoreConfig config = StoreConfig.embedded(dir)
                .withCommitLog(CommitLogConfig.embedded().withSegmentSizeBytes(segmentSizeBytes))
                .withConsumeQueue(new ConsumeQueueConfig(1_000))
                // a generous sync timeout: this test is about sharing forces, not about a slow disk
                .withFlush(new FlushConfig(mode, 100, 60_000, 1_000));
        store = new DefaultMessageStore(config);
        store.start();
    }

    /**
     * One put as the writer saw it.
     *
     * @param forcedWhenAcked whether the segment holding the record had forced it by the time the put completed
     */
    private record Put(int writer, int sequence, String topic, int queueId, long queueOffset, long physicalOffset,
            int sizeBytes, boolean forcedWhenAcked) {
    }

    /**
     * Starts the writers together; each puts {@code perWriter} messages, one after the other, to queues picked by a
     * seeded random, and waits for each put before the next.
     */
    private List<Put> runWriters(int perWriter) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<List<Put>>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    go.await();
                    return write(writer, perWriter);
                }));
            }
            go.countDown();
            List<Put> puts = new ArrayList<>();
            for (Future<List<Put>> writer : writers) {
                puts.addAll(writer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
            }
            return puts;
        } finally {
            pool.shutdownNow();
        }
    }

    private List<Put> write(int writer, int count) {
        Random random = new Random(writer);
        List<Put> puts = new ArrayList<>(count);
        for (int sequence = 0; sequence < count; sequence++) {
            String topic = TOPICS.get(random.nextInt(TOPICS.size()));
            int queueId = random.nextInt(QUEUES_PER_TOPIC);
            MessageInput message = MessageInput.builder(topic, queueId, body(writer, sequence))
                    .properties(MessageProperties.encode(Map.of(MessageConst.TAGS, "w" + writer)))
                    .build();
            PutMessageResult result = store.putMessage(message).join();
            assertThat(result.status()).as("put %d of writer %d", sequence, writer).isEqualTo(PutMessageStatus.PUT_OK);
            puts.add(new Put(writer, sequence, topic, queueId, result.append().queueOffset(),
                    result.append().physicalOffset(), result.append().wroteBytes(),
                    isForced(result.append().physicalOffset())));
        }
        return puts;
    }

    /** Whether the record at {@code physicalOffset} is forced: its segment's flushed position is past its end. */
    private boolean isForced(long physicalOffset) {
        MappedSlice record = store.readMessage(physicalOffset);
        try {
            MappedFile segment = record.file();
            long forcedEnd = segment.fileFromOffset() + segment.flushedPosition();
            return forcedEnd >= record.physicalOffset() + record.sizeBytes();
        } finally {
            record.release();
        }
    }

    /** "writer:sequence:" followed by 0 to 300 filler bytes that depend on both, so that every body is unique. */
    private static byte[] body(int writer, int sequence) {
        byte[] header = (writer + ":" + sequence + ":").getBytes(StandardCharsets.US_ASCII);
        Random random = new Random(writer * 1_000_003L + sequence);
        byte[] body = Arrays.copyOf(header, header.length + random.nextInt(301));
        for (int i = header.length; i < body.length; i++) {
            body[i] = (byte) random.nextInt(256);
        }
        return body;
    }

    private static int[] writerAndSequence(byte[] body) {
        String text = new String(body, StandardCharsets.ISO_8859_1);
        String[] parts = text.split(":", 3);
        return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
    }

    /**
     * Reads every queue from offset 0: offsets run from 0 to the queue's max with no gap; each record passes the
     * store's integrity check and holds exactly the body its writer wrote, at the queue offset the put reported; no
     * message appears twice; and each writer's sequence numbers rise within the queue.
     */
    private void assertEveryQueueHoldsExactly(List<Put> puts) throws Exception {
        assertThat(store.awaitDispatched(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS))).isTrue();
        Map<String, Map<Long, Put>> byQueue = new HashMap<>();
        for (Put put : puts) {
            Put previous = byQueue.computeIfAbsent(put.topic() + "-" + put.queueId(), q -> new HashMap<>())
                    .put(put.queueOffset(), put);
            assertThat(previous).as("queue offset %d of %s-%d handed out twice", put.queueOffset(), put.topic(),
                    put.queueId()).isNull();
        }
        Set<String> seen = new HashSet<>();
        for (String topic : TOPICS) {
            for (int queueId = 0; queueId < QUEUES_PER_TOPIC; queueId++) {
                Map<Long, Put> expected = byQueue.getOrDefault(topic + "-" + queueId, Map.of());
                assertThat(store.maxOffsetInQueue(topic, queueId)).isEqualTo(expected.size());
                readQueue(topic, queueId, expected, seen);
            }
        }
        assertThat(seen).hasSize(puts.size());
    }

    private void readQueue(String topic, int queueId, Map<Long, Put> expected, Set<String> seen) {
        int[] lastSequence = new int[WRITERS];
        Arrays.fill(lastSequence, -1);
        long next = 0;
        while (next < expected.size()) {
            try (GetMessageResult result = store.getMessages(topic, queueId, next, 64, 1 << 20, MessageFilter.ALL)) {
                assertThat(result.status()).as("%s-%d at %d", topic, queueId, next).isEqualTo(GetMessageStatus.FOUND);
                for (int i = 0; i < result.messageCount(); i++) {
                    long queueOffset = next + i;
                    assertThat(result.queueOffsets().get(i)).as("gap in %s-%d", topic, queueId).isEqualTo(queueOffset);
                    StoredMessage message = decodeChecked(result.messages().get(i));
                    int[] origin = writerAndSequence(message.body());
                    Put put = expected.get(queueOffset);
                    assertThat(new int[] {put.writer(), put.sequence()}).as("message at %s-%d@%d", topic, queueId,
                            queueOffset).isEqualTo(origin);
                    assertThat(message.body()).isEqualTo(body(origin[0], origin[1]));
                    assertThat(message.topic()).isEqualTo(topic);
                    assertThat(message.queueId()).isEqualTo(queueId);
                    assertThat(message.queueOffset()).isEqualTo(queueOffset);
                    assertThat(message.physicalOffset()).isEqualTo(put.physicalOffset());
                    assertThat(seen.add(origin[0] + ":" + origin[1])).as("duplicate %s", message).isTrue();
                    assertThat(origin[1]).as("order of writer %d in %s-%d", origin[0], topic, queueId)
                            .isGreaterThan(lastSequence[origin[0]]);
                    lastSequence[origin[0]] = origin[1];
                }
                next = result.nextBeginOffset();
            }
        }
    }

    private static StoredMessage decodeChecked(MappedSlice slice) {
        ByteBuffer record = slice.buffer();
        RecordCheck check = MessageCodec.checkSealed(record, 0, record.limit(), slice.physicalOffset());
        assertThat(check.kind()).as("record at %d: %s", slice.physicalOffset(), check.reason())
                .isEqualTo(RecordCheck.Kind.MESSAGE);
        return MessageCodec.decode(record);
    }

    /** Commit log space was handed out once: sorted by offset, each record starts at or after the previous end. */
    private static void assertRecordsDoNotOverlap(List<Put> puts) {
        List<Put> byOffset = new ArrayList<>(puts);
        byOffset.sort(Comparator.comparingLong(Put::physicalOffset));
        for (int i = 1; i < byOffset.size(); i++) {
            Put previous = byOffset.get(i - 1);
            assertThat(byOffset.get(i).physicalOffset()).as("record after %s", previous)
                    .isGreaterThanOrEqualTo(previous.physicalOffset() + previous.sizeBytes());
        }
    }
}
