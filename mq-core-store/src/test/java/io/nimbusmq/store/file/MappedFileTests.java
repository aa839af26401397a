package io.nimbusmq.store.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappedFileTests {

    @TempDir
    Path dir;

    private MappedFile create(long offset) throws IOException {
        return MappedFile.create(dir.resolve(StoreFileNames.segmentName(offset)), 4096, SegmentAllocator.zeroFill());
    }

    @Test
    void appendAdvancesWritePositionAndSliceSeesTheBytes() throws IOException {
        MappedFile file = create(8192);
        file.append(ByteBuffer.wrap(new byte[] {1, 2, 3}));
        file.append(ByteBuffer.wrap(new byte[] {4}));
        assertThat(file.writePosition()).isEqualTo(4);
        assertThat(file.fileFromOffset()).isEqualTo(8192);
        try (MappedSlice slice = file.slice(1, 3)) {
            assertThat(slice.physicalOffset()).isEqualTo(8193);
            assertThat(slice.buffer().get(0)).isEqualTo((byte) 2);
            assertThat(slice.buffer().isReadOnly()).isTrue();
        }
        assertThat(file.slice(2, 3)).as("beyond the written bytes").isNull();
        file.shutdown(true);
    }

    @Test
    void appendBeyondTheFileFails() throws IOException {
        MappedFile file = create(0);
        assertThatThrownBy(() -> file.append(ByteBuffer.allocate(4097))).isInstanceOf(IllegalStateException.class);
        file.shutdown(true);
    }

    @Test
    void flushForcesUpToTheWritePosition() throws IOException {
        MappedFile file = create(0);
        file.append(ByteBuffer.allocate(100));
        assertThat(file.flushedPosition()).isZero();
        assertThat(file.flush()).isEqualTo(100);
        file.shutdown(true);
    }

    @Test
    void aFileHeldByAReaderIsDeletedOnlyAfterTheReaderLetsGo() throws IOException {
        MappedFile file = create(0);
        file.append(ByteBuffer.wrap(new byte[] {42}));
        MappedSlice held = file.slice(0, 1);
        file.shutdown(true);

        assertThat(Files.exists(file.path())).isTrue();
        assertThat(held.buffer().get(0)).isEqualTo((byte) 42);
        assertThat(file.slice(0, 1)).as("no new readers after shutdown").isNull();

        held.release();
        assertThat(file.referenceCount()).isZero();
        assertThat(Files.exists(file.path())).isFalse();
    }

    @Test
    void truncateZeroesStaleBytes() throws IOException {
        MappedFile file = create(0);
        file.append(ByteBuffer.wrap(new byte[] {9, 9, 9, 9}));
        file.truncateTo(1);
        assertThat(file.writePosition()).isEqualTo(1);
        assertThat(file.wholeFileView().get(0)).isEqualTo((byte) 9);
        assertThat(file.wholeFileView().get(1)).isZero();
        assertThat(file.wholeFileView().get(3)).isZero();
        file.shutdown(true);
    }

    @Test
    void existingFileOfTheWrongSizeIsRefused() throws IOException {
        Path path = dir.resolve(StoreFileNames.segmentName(0));
        Files.write(path, new byte[10]);
        assertThatThrownBy(() -> MappedFile.open(path, 4096)).isInstanceOf(IOException.class)
                .hasMessageContaining("expected 4096");
    }
}
