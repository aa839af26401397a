package io.nimbusmq.store.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.nimbusmq.store.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdleSegmentUnmapperTests {

    private static final int SEGMENT = 4096;
    private static final long IDLE = 10_000;

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(1_000_000);
    private MappedFileQueue queue;

    @AfterEach
    void close() {
        if (queue != null) {
            queue.shutdown();
        }
    }

    /** Byte at an absolute offset of the log: a pattern every read checks. */
    private static byte expected(long offset) {
        return (byte) (offset * 31 + (offset >>> 8));
    }

    /** Writes {@code segments} full segments plus a few bytes of an active one, all flushed. */
    private MappedFileQueue filled(int segments) throws IOException {
        queue = new MappedFileQueue(dir, SEGMENT);
        long end = (long) segments * SEGMENT + 100;
        for (long offset = 0; offset < end; ) {
            MappedFile file = queue.segmentForAppend(0);
            int length = (int) Math.min(file.remainingBytes(), end - offset);
            ByteBuffer data = ByteBuffer.allocate(length);
            for (int i = 0; i < length; i++) {
                data.put(expected(offset + i));
            }
            file.append(data.flip());
            offset += length;
        }
        queue.flush();
        return queue;
    }

    private IdleSegmentUnmapper unmapper(long dispatchedOffset) {
        return new IdleSegmentUnmapper(queue, () -> dispatchedOffset, IDLE, clock);
    }

    private static void assertContent(MappedFile file, int position, int length) {
        try (MappedSlice slice = file.slice(position, length)) {
            assertThat(slice).isNotNull();
            for (int i = 0; i < length; i++) {
                assertThat(slice.buffer().get(i)).isEqualTo(expected(file.fileFromOffset() + position + i));
            }
        }
    }

    @Test
    void anIdleSegmentIsUnmappedAndReadAgainTransparently() throws IOException {
        filled(3);
        IdleSegmentUnmapper unmapper = unmapper(Long.MAX_VALUE);
        assertThat(unmapper.unmapIdle()).as("first sight only starts the idle period").isZero();
        clock.advance(IDLE - 1);
        assertThat(unmapper.unmapIdle()).as("not idle long enough").isZero();
        clock.advance(1);

        assertThat(unmapper.unmapIdle()).isEqualTo(3);
        List<MappedFile> segments = queue.segments();
        assertThat(segments).hasSize(4);
        assertThat(segments.subList(0, 3)).noneMatch(MappedFile::isMapped);
        assertThat(segments.get(3).isMapped()).as("the active segment stays mapped").isTrue();
        assertThat(segments.get(0).referenceCount()).isEqualTo(1);

        assertContent(segments.get(0), 0, SEGMENT);
        assertContent(segments.get(2), 1000, 96);
        assertThat(segments.get(0).isMapped()).isTrue();
        assertThat(segments.get(1).isMapped()).isFalse();
        assertThat(unmapper.unmappedCount()).isEqualTo(3);
    }

    @Test
    void aReaderHoldingASliceBlocksTheUnmap() throws IOException {
        filled(2);
        MappedFile first = queue.segments().get(0);
        IdleSegmentUnmapper unmapper = unmapper(Long.MAX_VALUE);
        unmapper.unmapIdle();
        MappedSlice held = first.slice(0, 64);
        first.takeAccessed();
        clock.advance(IDLE);

        assertThat(first.unmapIfUnused()).isFalse();
        assertThat(unmapper.unmapIdle()).as("only the second segment").isEqualTo(1);
        assertThat(first.isMapped()).isTrue();
        for (int i = 0; i < 64; i++) {
            assertThat(held.buffer().get(i)).isEqualTo(expected(i));
        }
        held.release();

        assertThat(unmapper.unmapIdle()).isEqualTo(1);
        assertThat(first.isMapped()).isFalse();
    }

    @Test
    void aRecentlyReadSegmentStaysMapped() throws IOException {
        filled(2);
        IdleSegmentUnmapper unmapper = unmapper(Long.MAX_VALUE);
        unmapper.unmapIdle();
        clock.advance(IDLE / 2);
        assertContent(queue.segments().get(0), 0, 8);
        assertThat(unmapper.unmapIdle()).isZero();
        clock.advance(IDLE / 2);

        assertThat(unmapper.unmapIdle()).as("only the segment nobody read").isEqualTo(1);
        assertThat(queue.segments().get(0).isMapped()).isTrue();
        assertThat(queue.segments().get(1).isMapped()).isFalse();
    }

    @Test
    void undispatchedUnflushedAndActiveSegmentsStayMapped() throws IOException {
        filled(3);
        MappedFile last = queue.lastSegment();
        IdleSegmentUnmapper unmapper = unmapper(SEGMENT);
        unmapper.unmapIdle();
        clock.advance(IDLE);

        assertThat(unmapper.unmapIdle()).as("only the dispatched first segment").isEqualTo(1);
        assertThat(queue.segments()).filteredOn(MappedFile::isMapped).hasSize(3).contains(last);

        MappedFileQueue unflushed = new MappedFileQueue(dir.resolve("unflushed"), SEGMENT);
        try {
            unflushed.segmentForAppend(0).append(ByteBuffer.allocate(SEGMENT));
            unflushed.segmentForAppend(0).append(ByteBuffer.allocate(10));
            IdleSegmentUnmapper other = new IdleSegmentUnmapper(unflushed, () -> Long.MAX_VALUE, IDLE, clock);
            other.unmapIdle();
            clock.advance(IDLE);
            assertThat(other.unmapIdle()).isZero();
            unflushed.flush();
            assertThat(other.unmapIdle()).isEqualTo(1);
        } finally {
            unflushed.shutdown();
        }
    }

    @Test
    void concurrentReadersAndTheUnmapperNeverSeeAnUnmappedBuffer() throws Exception {
        int segments = 6;
        filled(segments);
        long end = queue.maxOffset();
        IdleSegmentUnmapper unmapper = new IdleSegmentUnmapper(queue, () -> Long.MAX_VALUE, 1, clock);
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Long>> readers = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                long seed = 42 + t;
                readers.add(pool.submit(() -> {
                    Random random = new Random(seed);
                    long checked = 0;
                    for (int round = 0; round < 20_000; round++) {
                        long offset = (long) (random.nextDouble() * (end - 1));
                        MappedFile file = queue.segmentFor(offset);
                        int position = (int) (offset - file.fileFromOffset());
                        int length = Math.min(1 + random.nextInt(256), file.writePosition() - position);
                        try (MappedSlice slice = file.slice(position, length)) {
                            if (random.nextInt(8) == 0) {
                                Thread.yield();
                            }
                            for (int i = 0; i < length; i++) {
                                if (slice.buffer().get(i) != expected(offset + i)) {
                                    throw new AssertionError("wrong byte at " + (offset + i));
                                }
                            }
                            checked += length;
                        }
                    }
                    return checked;
                }));
            }
            Future<Long> unmapping = pool.submit(() -> {
                long count = 0;
                while (!stop.get()) {
                    clock.advance(2);
                    count += unmapper.unmapIdle();
                    for (MappedFile file : queue.segments()) {
                        file.takeAccessed();
                        if (file != queue.lastSegment() && file.unmapIfUnused()) {
                            count++;
                        }
                    }
                }
                return count;
            });
            for (Future<Long> reader : readers) {
                assertThat(reader.get(5, TimeUnit.MINUTES)).isPositive();
            }
            stop.set(true);
            assertThat(unmapping.get(1, TimeUnit.MINUTES)).as("segments unmapped during the run").isPositive();
        } finally {
            stop.set(true);
            pool.shutdownNow();
            assertThat(pool.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
        }
        for (MappedFile file : queue.segments()) {
            assertThat(file.referenceCount()).isEqualTo(1);
            assertContent(file, 0, file.writePosition());
        }
    }
}
