package io.nimbusmq.store.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import io.nimbusmq.store.DefaultMessageStore;
import io.nimbusmq.store.LogCapture;
import io.nimbusmq.store.PutMessageResult;
import io.nimbusmq.store.StoreConfig;
import io.nimbusmq.store.StoreTestSupport;
import io.nimbusmq.store.commitlog.AppendResult;
import io.nimbusmq.store.commitlog.CommitLogConfig;
import io.nimbusmq.store.file.StoreFileNames;
import io.nimbusmq.store.index.IndexConfig;
import io.nimbusmq.store.queue.ConsumeQueueConfig;
import io.nimbusmq.store.read.GetMessageResult;
import io.nimbusmq.store.read.MessageFilter;
import io.nimbusmq.store.read.QueryMessageResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files cut short by a crash or a bad copy: the store starts, keeps every record before the cut, restores the file to
 * its size, says what was lost, and rebuilds consume queues and index files from the commit log.
 */
class TruncatedFileRecoveryTests {

    private static final int SEGMENT_BYTES = 64 * 1024;
    private static final String TOPIC = "Cut";

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
    void aTruncatedNewestSegmentKeepsItsValidPrefixIsRestoredToItsSizeAndSaysWhatWasLost() throws Exception {
        store = open(StoreTestSupport.smallConfig(dir));
        List<AppendResult> written = write(300);
        store.shutdown();
        Path newest = commitLogSegments().get(commitLogSegments().size() - 1);
        long newestStart = StoreFileNames.parseSegmentOffset(newest.getFileName().toString());
        AppendResult torn = written.stream().filter(w -> w.physicalOffset() > newestStart + 1000).findFirst()
                .orElseThrow();
        long cut = torn.physicalOffset() + 10 - newestStart;
        truncate(newest, cut);

        try (LogCapture logs = new LogCapture()) {
            store = open(StoreTestSupport.smallConfig(dir));
            assertThat(logs.formatted(e -> e.getFormattedMessage())).anySatisfy(line -> assertThat(line)
                    .contains(newest.toString()).contains(cut + " bytes instead of " + SEGMENT_BYTES)
                    .contains("lost"));
        }
        assertThat(Files.size(newest)).isEqualTo(SEGMENT_BYTES);
        assertThat(store.recoveryResult().commitLogEnd()).isEqualTo(torn.physicalOffset());
        List<AppendResult> kept = written.stream().filter(w -> w.endOffset() <= torn.physicalOffset()).toList();
        List<AppendResult> lost = written.stream().filter(w -> w.endOffset() > torn.physicalOffset()).toList();
        assertThat(lost).isNotEmpty();
        for (AppendResult w : kept) {
            assertThat(store.lookMessage(w.physicalOffset())).isNotNull();
        }
        for (AppendResult w : lost) {
            assertThat(store.lookMessage(w.physicalOffset())).isNull();
        }
        PutMessageResult after = store.putMessage(StoreTestSupport.message(TOPIC, 0, "after")).join();
        assertThat(after.append().physicalOffset()).isEqualTo(torn.physicalOffset());
        assertThat(after.append().queueOffset()).as("lost messages' queue offsets are not handed out again")
                .isEqualTo(written.size());
    }

    @Test
    void aTruncatedConsumeQueueSegmentIsRebuiltFromTheCommitLog() throws Exception {
        store = open(StoreTestSupport.smallConfig(dir));
        List<AppendResult> written = write(200);
        store.shutdown();
        Path queueDir = StoreFileNames.consumeQueueDir(dir, TOPIC, 0);
        Path firstSegment;
        try (Stream<Path> files = Files.list(queueDir)) {
            firstSegment = files.min(Comparator.naturalOrder()).orElseThrow();
        }
        truncate(firstSegment, 7 * 20 + 3);

        store = open(StoreTestSupport.smallConfig(dir));
        assertThat(Files.size(firstSegment)).isEqualTo(64 * 20);
        assertEveryMessageReadableByQueue(written);
    }

    @Test
    void aTruncatedIndexFileIsRebuiltFromTheCommitLog() throws Exception {
        store = open(StoreTestSupport.smallConfig(dir));
        write(200);
        store.shutdown();
        Path indexFile;
        try (Stream<Path> files = Files.list(StoreFileNames.indexDir(dir))) {
            indexFile = files.min(Comparator.naturalOrder()).orElseThrow();
        }
        truncate(indexFile, 100);

        store = open(StoreTestSupport.smallConfig(dir));
        for (int i = 0; i < 200; i++) {
            try (QueryMessageResult byKey = store.queryByKey(TOPIC, "key" + i, 4, 0, Long.MAX_VALUE)) {
                assertThat(byKey.messages()).as("key%d", i).hasSize(1);
            }
        }
    }

    @Test
    void aChangedSegmentSizeIsRefusedBeforeAnyFileIsTouched() throws Exception {
        store = open(StoreTestSupport.smallConfig(dir));
        write(300);
        store.shutdown();
        store = null;
        List<Long> sizes = new ArrayList<>();
        for (Path segment : commitLogSegments()) {
            sizes.add(Files.size(segment));
        }

        StoreConfig bigger = StoreTestSupport.smallConfig(dir)
                .withCommitLog(CommitLogConfig.embedded().withSegmentSizeBytes(4 * SEGMENT_BYTES));
        DefaultMessageStore refused = new DefaultMessageStore(bigger);
        assertThatThrownBy(refused::start).isInstanceOf(IOException.class)
                .hasMessageContaining("was the segment size changed");
        List<Long> after = new ArrayList<>();
        for (Path segment : commitLogSegments()) {
            after.add(Files.size(segment));
        }
        assertThat(after).isEqualTo(sizes);
    }

    private static DefaultMessageStore open(StoreConfig config) throws IOException {
        DefaultMessageStore store = new DefaultMessageStore(config.withIndex(new IndexConfig(64, 64))
                .withConsumeQueue(new ConsumeQueueConfig(64)));
        store.start();
        return store;
    }

    private List<AppendResult> write(int count) throws InterruptedException {
        List<AppendResult> written = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            PutMessageResult result = store.putMessage(StoreTestSupport.message(TOPIC, 0, "m".repeat(200 + i % 300),
                    null, "key" + i)).join();
            assertThat(result.isOk()).isTrue();
            written.add(result.append());
        }
        assertThat(store.awaitDispatched(10_000)).isTrue();
        return written;
    }

    private void assertEveryMessageReadableByQueue(List<AppendResult> written) throws InterruptedException {
        assertThat(store.awaitDispatched(10_000)).isTrue();
        assertThat(store.maxOffsetInQueue(TOPIC, 0)).isEqualTo(written.size());
        for (AppendResult w : written) {
            try (GetMessageResult read = store.getMessages(TOPIC, 0, w.queueOffset(), 1, 1 << 20,
                    MessageFilter.ALL)) {
                assertThat(read.messageCount()).as("queue offset %d", w.queueOffset()).isEqualTo(1);
                assertThat(read.messages().get(0).physicalOffset()).isEqualTo(w.physicalOffset());
            }
        }
    }

    private List<Path> commitLogSegments() throws IOException {
        try (Stream<Path> files = Files.list(StoreFileNames.commitLogDir(dir))) {
            return files.filter(p -> StoreFileNames.isSegmentName(p.getFileName().toString())).sorted().toList();
        }
    }

    private static void truncate(Path file, long size) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(size);
        }
    }
}
