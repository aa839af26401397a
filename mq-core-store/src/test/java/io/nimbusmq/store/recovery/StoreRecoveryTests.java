package io.nimbusmq.store.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.nimbusmq.message.MessageCodec;
import io.nimbusmq.message.MessageConst;
import io.nimbusmq.message.MessageInput;
import io.nimbusmq.message.MessageProperties;
import io.nimbusmq.message.RecordCheck;
import io.nimbusmq.message.RecordCrc;
import io.nimbusmq.message.StoredMessage;
import io.nimbusmq.store.DefaultMessageStore;
import io.nimbusmq.store.PutMessageResult;
import io.nimbusmq.store.PutMessageStatus;
import io.nimbusmq.store.StoreConfig;
import io.nimbusmq.store.commitlog.CommitLogConfig;
import io.nimbusmq.store.file.MappedSlice;
import io.nimbusmq.store.file.StoreFileNames;
import io.nimbusmq.store.flush.FlushConfig;
import io.nimbusmq.store.flush.FlushMode;
import io.nimbusmq.store.index.IndexConfig;
import io.nimbusmq.store.queue.ConsumeQueue;
import io.nimbusmq.store.queue.ConsumeQueueConfig;
import io.nimbusmq.store.read.GetMessageResult;
import io.nimbusmq.store.read.GetMessageStatus;
import io.nimbusmq.store.read.MessageFilter;
import io.nimbusmq.store.read.QueryMessageResult;
import io.nimbusmq.store.retention.RetentionConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves the recovery contract of the whole store: after a clean stop, a crash, a lost checkpoint, lost consume queue
 * pages, or a torn or corrupt commit log tail, every message written before the damage is readable by queue, by
 * offset and by key exactly as it was written, nothing damaged is ever served, and new writes continue the queues
 * after every offset ever handed out (a lost message's offset is a hole, never reused). Recovery run twice gives the
 * same store.
 *
 * <p>Every store here uses 64 KiB commit log segments, 32-entry consume queue segments and small index files, so a
 * few hundred messages span several files of each kind.
 */
class StoreRecoveryTests {

    private static final int SEGMENT_BYTES = 64 * 1024;
    private static final List<String> TOPICS = List.of("TopicA", "TopicB", "TopicC");
    private static final int QUEUES_PER_TOPIC = 2;
    private static final long DISPATCH_TIMEOUT_MILLIS = 10_000;

    @TempDir
    Path dir;

    private DefaultMessageStore store;

    @AfterEach
    void stop() {
        if (store != null) {
            store.shutdown();
        }
    }

    // ---------------------------------------------------------------- clean restart and plain crashes

    @Test
    void cleanRestartKeepsEveryMessageContinuesQueueOffsetsAndAnswersKeyQueries() throws Exception {
        Random random = new Random(11);
        start();
        List<Written> written = writeMessages(random, 400, "a");
        store.shutdown();

        start();
        RecoveryResult recovery = store.recoveryResult();
        assertThat(recovery.cleanShutdown()).isTrue();
        assertThat(recovery.truncatedBytes()).isZero();
        assertThat(recovery.commitLogEnd()).isEqualTo(endOf(written));
        assertThat(segmentCount()).as("several commit log segments").isGreaterThanOrEqualTo(4);
        assertStoreHoldsExactly(written, written);

        written.addAll(writeMessages(random, 60, "b"));
        assertStoreHoldsExactly(written, written);
    }

    @Test
    void crashWithoutDamageLosesNothing() throws Exception {
        Random random = new Random(12);
        start();
        List<Written> written = writeMessages(random, 400, "a");
        assertThat(store.awaitDispatched(DISPATCH_TIMEOUT_MILLIS)).isTrue();
        store.closeWithoutShutdown();

        start();
        RecoveryResult recovery = store.recoveryResult();
        assertThat(recovery.cleanShutdown()).isFalse();
        assertThat(recovery.commitLogEnd()).isEqualTo(endOf(written));
        assertThat(recovery.truncatedBytes()).isZero();
        assertStoreHoldsExactly(written, written);
        written.addAll(writeMessages(random, 60, "b"));
        assertStoreHoldsExactly(written, written);
    }

    @Test
    void crashRebuildsConsumeQueueEntriesLostAfterTheCheckpoint() throws Exception {
        Random random = new Random(13);
        start();
        List<Written> written = writeMessages(random, 150, "a");
        long checkpointed = endOf(written);
        written.addAll(writeMessages(random, 250, "b"));
        assertThat(store.awaitDispatched(DISPATCH_TIMEOUT_MILLIS)).isTrue();
        store.closeWithoutShutdown();

        // The last checkpoint covered only the first 150 messages, and the consume queue pages written after it
        // never reached the disk.
        new StoreCheckpoint(checkpointed, checkpointed, System.currentTimeMillis()).write(dir);
        int zeroedEntries = zeroConsumeQueueEntriesEndingAfter(checkpointed);
        assertThat(zeroedEntries).isEqualTo(250);

        start();
        assertThat(store.recoveryResult().redispatchedFromOffset()).isLessThanOrEqualTo(checkpointed);
        assertStoreHoldsExactly(written, written);
        written.addAll(writeMessages(random, 60, "c"));
        assertStoreHoldsExactly(written, written);
    }

    @Test
    void crashWithoutCheckpointRebuildsZeroedConsumeQueuesAndDeletedIndexFromTheCommitLog() throws Exception {
        Random random = new Random(14);
        start();
        List<Written> written = writeMessages(random, 400, "a");
        assertThat(store.awaitDispatched(DISPATCH_TIMEOUT_MILLIS)).isTrue();
        store.closeWithoutShutdown();

        Files.delete(StoreFileNames.checkpointFile(dir));
        assertThat(zeroAllConsumeQueueFiles()).isGreaterThan(TOPICS.size() * QUEUES_PER_TOPIC);
        deleteRecursively(StoreFileNames.indexDir(dir));

        start();
        RecoveryResult recovery = store.recoveryResult();
        assertThat(recovery.scannedFromOffset()).isZero();
        assertThat(recovery.redispatchedFromOffset()).isZero();
        assertStoreHoldsExactly(written, written);
        written.addAll(writeMessages(random, 60, "b"));
        assertStoreHoldsExactly(written, written);
    }

    @Test
    void cleanStopWithoutCheckpointRebuildsDeletedConsumeQueues() throws Exception {
        Random random = new Random(15);
        start();
        List<Written> written = writeMessages(random, 300, "a");
        store.shutdown();

        Files.delete(StoreFileNames.checkpointFile(dir));
        deleteRecursively(StoreFileNames.consumeQueueRoot(dir));

        start();
        assertThat(store.recoveryResult().redispatchedFromOffset()).isZero();
        assertStoreHoldsExactly(written, written);
        written.addAll(writeMessages(random, 30, "b"));
        assertStoreHoldsExactly(written, written);
    }

    // ---------------------------------------------------------------- torn and corrupt commit log tails

    /** Flipped bytes and cut segments anywhere are {@link RandomDamageRecoveryTests}' business. */
    enum Damage {
        /** A torn write: every byte from a random point of the last segment to its end is zero. */
        ZERO_TAIL
    }

    static Stream<Arguments> damagedTails() {
        return Stream.of(Damage.values())
                .flatMap(damage -> Stream.of(101L, 202L, 303L, 404L, 505L, 707L)
                        .map(seed -> Arguments.of(damage, seed)));
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("damagedTails")
    void damagedTailIsCutAndNothingDamagedIsEverServed(Damage damage, long seed) throws Exception {
        Random random = new Random(seed);
        start();
        List<Written> written = writeMessages(random, 300 + random.nextInt(150), "s" + seed);
        assertThat(store.awaitDispatched(DISPATCH_TIMEOUT_MILLIS)).isTrue();
        store.closeWithoutShutdown();

        rewindCheckpoint(random, written);
        DamagedSegment damaged = damageLastSegment(damage, random, written);
        long damageAt = damaged.damageAt();
        long expectedEnd = expectedValidEnd(damage, damaged, written);

        start();
        RecoveryResult recovery = store.recoveryResult();
        assertThat(recovery.cleanShutdown()).isFalse();
        assertThat(recovery.commitLogEnd()).as("valid end after damage at %d", damageAt).isEqualTo(expectedEnd);
        assertThat(store.commitLogMaxOffset()).isEqualTo(expectedEnd);
        List<Written> survivors = written.stream().filter(w -> w.end() <= expectedEnd).collect(Collectors.toList());
        assertThat(survivors).as("every message that ends before the damage")
                .containsAll(written.stream().filter(w -> w.end() <= damageAt).toList());
        assertStoreHoldsExactly(survivors, written);

        // recovery is idempotent: a second crash and start changes nothing
        store.closeWithoutShutdown();
        start();
        assertThat(store.recoveryResult().commitLogEnd()).isEqualTo(expectedEnd);
        assertThat(store.recoveryResult().truncatedBytes()).isZero();
        assertStoreHoldsExactly(survivors, written);

        // new writes continue every queue from its recovered end
        survivors.addAll(writeMessages(random, 3 * TOPICS.size() * QUEUES_PER_TOPIC, "after-" + seed));
        assertStoreHoldsExactly(survivors, written);
    }

    /** Parts of a record that the body CRC does not cover. */
    enum RecordPart {
        FLAG, QUEUE_OFFSET, STORE_TIMESTAMP, TOPIC, PROPERTIES, TORN_PROPERTIES_TAIL
    }

    @ParameterizedTest
    @EnumSource(RecordPart.class)
    void damageOutsideTheBodyOfTheLastMessageIsDetected(RecordPart part) throws Exception {
        start();
        List<Written> written = writeMessages(new Random(21), 40, "p");
        assertThat(store.awaitDispatched(DISPATCH_TIMEOUT_MILLIS)).isTrue();
        store.closeWithoutShutdown();
        Written last = written.get(written.size() - 1);

        try (FileChannel channel = FileChannel.open(lastSegment(), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long segmentStart = StoreFileNames.parseSegmentOffset(lastSegment().getFileName().toString());
            long recordStart = last.physicalOffset() - segmentStart;
            if (part == RecordPart.TORN_PROPERTIES_TAIL) {
                long from = recordStart + last.sizeBytes() - 30;
                writeAt(channel, from, new byte[(int) (SEGMENT_BYTES - from)]);
            } else {
                long position = recordStart + positionIn(last, part);
                ByteBuffer one = ByteBuffer.allocate(1);
                channel.read(one, position);
                writeAt(channel, position, new byte[] {(byte) (one.get(0) ^ 0x01)});
            }
        }

        start();
        assertThat(store.recoveryResult().commitLogEnd()).isEqualTo(last.physicalOffset());
        List<Written> survivors = new ArrayList<>(written.subList(0, written.size() - 1));
        assertStoreHoldsExactly(survivors, written);
        survivors.addAll(writeMessages(new Random(22), 12, "q"));
        assertStoreHoldsExactly(survivors, written);
    }

    @Test
    void zeroedLastSegmentIsDroppedAndWritingResumesWhereThePreviousOneEnds() throws Exception {
        start();
        List<Written> written = writeMessages(new Random(23), 300, "z");
        assertThat(store.awaitDispatched(DISPATCH_TIMEOUT_MILLIS)).isTrue();
        store.closeWithoutShutdown();
        Path last = lastSegment();
        long lastStart = StoreFileNames.parseSegmentOffset(last.getFileName().toString());
        assertThat(lastStart).isPositive();
        try (FileChannel channel = FileChannel.open(last, StandardOpenOption.WRITE)) {
            writeAt(channel, 0, new byte[SEGMENT_BYTES]);
        }

        start();
        assertThat(store.recoveryResult().commitLogEnd()).isEqualTo(lastStart);
        List<Written> survivors = written.stream().filter(w -> w.end() <= lastStart).collect(Collectors.toList());
        assertThat(survivors).hasSizeLessThan(written.size());
        assertStoreHoldsExactly(survivors, written);
        survivors.addAll(writeMessages(new Random(24), 20, "y"));
        assertThat(survivors.get(survivors.size() - 1).physicalOffset()).isGreaterThanOrEqualTo(lastStart);
        assertStoreHoldsExactly(survivors, written);
    }

    /** Position of a byte of {@code part} inside the record of {@code message} (IPv4 hosts). */
    private static int positionIn(Written message, RecordPart part) {
        int propertiesLength = message.properties().getBytes(StandardCharsets.UTF_8).length + RecordCrc.ENTRY_BYTES;
        int propertiesStart = message.sizeBytes() - propertiesLength;
        int topicStart = propertiesStart - 2 - message.topic().length();
        return switch (part) {
            case FLAG -> 16;
            case QUEUE_OFFSET -> MessageCodec.QUEUE_OFFSET_POSITION + 7;
            case STORE_TIMESTAMP -> MessageCodec.storeTimestampPosition(0) + 7;
            case TOPIC -> topicStart + 2;
            case PROPERTIES -> propertiesStart + 3;
            case TORN_PROPERTIES_TAIL -> throw new IllegalArgumentException("a torn tail is not one byte");
        };
    }

    // ---------------------------------------------------------------- store set-up and writes

    private StoreConfig config() {
        return StoreConfig.embedded(dir)
                .withCommitLog(CommitLogConfig.embedded().withSegmentSizeBytes(SEGMENT_BYTES))
                .withConsumeQueue(new ConsumeQueueConfig(32))
                .withIndex(new IndexConfig(512, 1024))
                // checkpoints at start and shutdown only, so tests decide what the last checkpoint covers
                .withFlush(new FlushConfig(FlushMode.ASYNC_FLUSH, 200, 5_000, 3_600_000))
                .withRetention(new RetentionConfig(RetentionConfig.DEFAULT_RESERVED_MILLIS, 0.90, 0.99,
                        3_600_000, 10));
    }

    private void start() throws IOException {
        store = new DefaultMessageStore(config());
        store.start();
    }

    /** One message written and where it landed. */
    private record Written(String topic, int queueId, long queueOffset, long physicalOffset, int sizeBytes,
            byte[] body, String properties, String key, String uniqKey) {

        long end() {
            return physicalOffset + sizeBytes;
        }

        @Override
        public String toString() {
            return topic + "-" + queueId + "@" + queueOffset + " [" + physicalOffset + ", " + end() + ")";
        }
    }

    /**
     * Writes {@code count} messages with random bodies (1 to 900 bytes) to random queues, each with two unique keys
     * and a unique UNIQ_KEY, and checks the queue offset each one gets.
     */
    private List<Written> writeMessages(Random random, int count, String tag) throws InterruptedException {
        // queue max offsets come from the consume queues, which the dispatch thread fills behind the writers
        assertThat(store.awaitDispatched(DISPATCH_TIMEOUT_MILLIS)).isTrue();
        Map<String, Long> nextOffsets = new LinkedHashMap<>();
        for (String topic : TOPICS) {
            for (int q = 0; q < QUEUES_PER_TOPIC; q++) {
                nextOffsets.put(topic + "-" + q, store.maxOffsetInQueue(topic, q));
            }
        }
        List<Written> written = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String topic = TOPICS.get(random.nextInt(TOPICS.size()));
            int queueId = random.nextInt(QUEUES_PER_TOPIC);
            byte[] body = new byte[1 + random.nextInt(900)];
            random.nextBytes(body);
            String key = "key-" + tag + "-" + i;
            String uniqKey = "U-" + tag + "-" + i;
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put(MessageConst.KEYS, key + " alt-" + tag + "-" + i);
            properties.put(MessageConst.UNIQ_KEY, uniqKey);
            properties.put(MessageConst.TAGS, "Tag" + random.nextInt(3));
            String encoded = MessageProperties.encode(properties);
            PutMessageResult result = store.putMessage(MessageInput.builder(topic, queueId, body)
                    .properties(encoded).build()).join();
            assertThat(result.status()).isEqualTo(PutMessageStatus.PUT_OK);
            long expectedOffset = nextOffsets.merge(topic + "-" + queueId, 1L, Long::sum) - 1;
            assertThat(result.append().queueOffset()).as("queue offset of %s-%d", topic, queueId)
                    .isEqualTo(expectedOffset);
            written.add(new Written(topic, queueId, expectedOffset, result.append().physicalOffset(),
                    result.append().wroteBytes(), body, encoded, key, uniqKey));
        }
        return written;
    }

    private static long endOf(List<Written> written) {
        return written.stream().mapToLong(Written::end).max().orElse(0);
    }

    // ---------------------------------------------------------------- damage

    /** Pretends the last checkpoint was taken earlier: at a random message boundary, or never (no file). */
    private void rewindCheckpoint(Random random, List<Written> written) throws IOException {
        if (random.nextInt(4) == 0) {
            Files.delete(StoreFileNames.checkpointFile(dir));
            return;
        }
        long offset = written.get(random.nextInt(written.size())).end();
        new StoreCheckpoint(offset, offset, System.currentTimeMillis()).write(dir);
    }

    /** Where the last segment was damaged, and its bytes before. */
    private record DamagedSegment(long segmentStart, long damageAt, byte[] original) {

        /** Whether the original bytes from {@code from} up to {@code end} were all zero. */
        boolean wasZero(long from, long end) {
            for (long offset = from; offset < end; offset++) {
                if (original[(int) (offset - segmentStart)] != 0) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Damages the written part of the last commit log segment from a random point on. Messages that end before that
     * point are untouched.
     */
    private DamagedSegment damageLastSegment(Damage damage, Random random, List<Written> written) throws IOException {
        Path segment = lastSegment();
        long segmentStart = StoreFileNames.parseSegmentOffset(segment.getFileName().toString());
        byte[] original = Files.readAllBytes(segment);
        int writtenBytes = (int) (endOf(written) - segmentStart);
        assertThat(writtenBytes).as("data in the last segment").isPositive();
        int damageAt = random.nextInt(writtenBytes);
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            writeAt(channel, damageAt, new byte[SEGMENT_BYTES - damageAt]);
        }
        return new DamagedSegment(segmentStart, segmentStart + damageAt, original);
    }

    /**
     * Where valid data must end: at the start of the message that holds the damage point, unless a torn write
     * only zeroed bytes of it that were zero anyway.
     */
    private static long expectedValidEnd(Damage damage, DamagedSegment damaged, List<Written> written) {
        long damageAt = damaged.damageAt();
        Written hit = written.stream().filter(w -> w.physicalOffset() <= damageAt && damageAt < w.end())
                .findFirst().orElseThrow();
        if (damage == Damage.ZERO_TAIL && damaged.wasZero(damageAt, hit.end())) {
            return hit.end();
        }
        return hit.physicalOffset();
    }

    private static void writeAt(FileChannel channel, long position, byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer, position + buffer.position());
        }
    }

    private Path lastSegment() throws IOException {
        try (Stream<Path> files = Files.list(StoreFileNames.commitLogDir(dir))) {
            return files.filter(p -> StoreFileNames.isSegmentName(p.getFileName().toString()))
                    .max(Comparator.naturalOrder()).orElseThrow();
        }
    }

    private long segmentCount() throws IOException {
        try (Stream<Path> files = Files.list(StoreFileNames.commitLogDir(dir))) {
            return files.filter(p -> StoreFileNames.isSegmentName(p.getFileName().toString())).count();
        }
    }

    private List<Path> consumeQueueSegments() throws IOException {
        try (Stream<Path> files = Files.walk(StoreFileNames.consumeQueueRoot(dir))) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> StoreFileNames.isSegmentName(p.getFileName().toString()))
                    .sorted().toList();
        }
    }

    /** Zeroes every consume queue entry whose message ends after {@code physicalOffset}; returns how many. */
    private int zeroConsumeQueueEntriesEndingAfter(long physicalOffset) throws IOException {
        int zeroed = 0;
        for (Path segment : consumeQueueSegments()) {
            try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                ByteBuffer entries = ByteBuffer.allocate((int) channel.size());
                channel.read(entries, 0);
                for (int p = 0; p + ConsumeQueue.ENTRY_SIZE <= entries.limit(); p += ConsumeQueue.ENTRY_SIZE) {
                    long entryOffset = entries.getLong(p);
                    int size = entries.getInt(p + 8);
                    if (size > 0 && entryOffset + size > physicalOffset) {
                        writeAt(channel, p, new byte[ConsumeQueue.ENTRY_SIZE]);
                        zeroed++;
                    }
                }
            }
        }
        return zeroed;
    }

    private int zeroAllConsumeQueueFiles() throws IOException {
        List<Path> segments = consumeQueueSegments();
        for (Path segment : segments) {
            try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
                writeAt(channel, 0, new byte[(int) channel.size()]);
            }
        }
        return segments.size();
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    // ---------------------------------------------------------------- verification

    /**
     * Checks the running store against what was written: every queue holds exactly {@code expected} at offsets 0 to
     * n-1, each message byte-identical to what was written; every message of {@code everWritten} that is not
     * expected is gone from reads by offset and by key; and no consume queue entry points past the commit log end.
     */
    private void assertStoreHoldsExactly(List<Written> expected, List<Written> everWritten) throws Exception {
        assertThat(store.awaitDispatched(DISPATCH_TIMEOUT_MILLIS)).isTrue();
        Map<String, List<Written>> byQueue = expected.stream()
                .collect(Collectors.groupingBy(w -> w.topic() + "-" + w.queueId()));
        for (String topic : TOPICS) {
            for (int q = 0; q < QUEUES_PER_TOPIC; q++) {
                List<Written> queue = byQueue.getOrDefault(topic + "-" + q, List.of()).stream()
                        .sorted(Comparator.comparingLong(Written::queueOffset)).toList();
                assertQueueHolds(topic, q, queue);
            }
        }
        List<Written> gone = everWritten.stream().filter(w -> !expected.contains(w)).toList();
        for (Written w : expected) {
            assertSameMessage(store.lookMessage(w.physicalOffset()), w);
            assertFoundOnlyByItsKeys(w);
        }
        for (Written w : gone) {
            StoredMessage stale = store.lookMessage(w.physicalOffset());
            if (stale != null) {
                assertThat(expected).as("a message found where a lost one was").anyMatch(e -> sameMessage(stale, e));
            }
            try (QueryMessageResult byKey = store.queryByKey(w.topic(), w.key(), 8, 0, Long.MAX_VALUE)) {
                assertThat(byKey.messages()).as("lost message found by key %s", w.key()).isEmpty();
            }
        }
        assertConsumeQueueFilesPointBelow(store.commitLogMaxOffset());
    }

    /**
     * The queue returns exactly {@code queue}, each message at its own queue offset. Offsets of messages that were
     * lost are holes that reads pass over: they are never handed out again.
     */
    private void assertQueueHolds(String topic, int queueId, List<Written> queue) {
        long max = store.maxOffsetInQueue(topic, queueId);
        long lastExpected = queue.isEmpty() ? -1 : queue.get(queue.size() - 1).queueOffset();
        assertThat(max).as("max offset of %s-%d", topic, queueId).isGreaterThan(lastExpected);
        List<Written> found = new ArrayList<>();
        long next = 0;
        while (next < max) {
            try (GetMessageResult result = store.getMessages(topic, queueId, next, 32, 1 << 20, MessageFilter.ALL)) {
                for (int i = 0; i < result.messageCount(); i++) {
                    MappedSlice slice = result.messages().get(i);
                    RecordCheck check = MessageCodec.check(slice.buffer(), 0, slice.sizeBytes(),
                            slice.physicalOffset());
                    assertThat(check.kind()).as("integrity at %d", slice.physicalOffset())
                            .isEqualTo(RecordCheck.Kind.MESSAGE);
                    StoredMessage message = MessageCodec.decode(slice.buffer());
                    assertThat(message.queueOffset()).isEqualTo(result.queueOffsets().get(i));
                    Written w = queue.stream().filter(e -> e.queueOffset() == message.queueOffset()).findFirst()
                            .orElseThrow(() -> new AssertionError("unexpected message at " + message.queueOffset()
                                    + " of " + topic + "-" + queueId));
                    assertSameMessage(message, w);
                    found.add(w);
                }
                assertThat(result.nextBeginOffset()).as("read %s-%d at %d", topic, queueId, next).isGreaterThan(next);
                next = result.nextBeginOffset();
            }
        }
        assertThat(found).as("%s-%d", topic, queueId).containsExactlyElementsOf(queue);
        try (GetMessageResult end = store.getMessages(topic, queueId, max, 32, 1 << 20, MessageFilter.ALL)) {
            assertThat(end.messageCount()).isZero();
        }
    }

    private void assertFoundOnlyByItsKeys(Written w) {
        try (QueryMessageResult byKey = store.queryByKey(w.topic(), w.key(), 8, 0, Long.MAX_VALUE)) {
            assertThat(byKey.messages()).as("found by key %s", w.key()).hasSize(1);
            assertSameMessage(MessageCodec.decode(byKey.messages().get(0).buffer()), w);
        }
        try (QueryMessageResult byUniqKey = store.queryByUniqueKey(w.topic(), w.uniqKey(), 8, 0, Long.MAX_VALUE)) {
            assertThat(byUniqKey.messages()).as("found by unique key %s", w.uniqKey()).hasSize(1);
            assertSameMessage(MessageCodec.decode(byUniqKey.messages().get(0).buffer()), w);
        }
    }

    private static void assertSameMessage(StoredMessage actual, Written expected) {
        assertThat(actual).as("message %s", expected).isNotNull();
        assertThat(sameMessage(actual, expected)).as("stored %s equals what was written", expected).isTrue();
    }

    private static boolean sameMessage(StoredMessage actual, Written expected) {
        return actual.topic().equals(expected.topic())
                && actual.queueId() == expected.queueId()
                && actual.queueOffset() == expected.queueOffset()
                && actual.physicalOffset() == expected.physicalOffset()
                && actual.totalSize() == expected.sizeBytes()
                && Arrays.equals(actual.body(), expected.body())
                && actual.properties().equals(expected.properties());
    }

    /** Reads consume queue files directly: every entry must point at a message that ends before the log end. */
    private void assertConsumeQueueFilesPointBelow(long commitLogEnd) throws IOException {
        for (Path segment : consumeQueueSegments()) {
            ByteBuffer entries = ByteBuffer.wrap(Files.readAllBytes(segment));
            for (int p = 0; p + ConsumeQueue.ENTRY_SIZE <= entries.limit(); p += ConsumeQueue.ENTRY_SIZE) {
                long physicalOffset = entries.getLong(p);
                int size = entries.getInt(p + 8);
                if (size > 0) {
                    assertThat(physicalOffset + size).as("entry %d of %s", p / ConsumeQueue.ENTRY_SIZE, segment)
                            .isLessThanOrEqualTo(commitLogEnd);
                }
            }
        }
    }
}
