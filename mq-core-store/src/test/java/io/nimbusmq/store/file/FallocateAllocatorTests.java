package io.nimbusmq.store.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The production allocator on the machine the build runs on: Linux gets {@code posix_fallocate}, not zeros. */
class FallocateAllocatorTests {

    private static final int MIB = 1024 * 1024;

    @TempDir
    Path dir;

    @BeforeEach
    void linuxOnly() {
        assumeThat(System.getProperty("os.name")).as("posix_fallocate is used on Linux only").containsIgnoringCase("linux");
    }

    @Test
    void theCLibraryIsBoundOnLinux() {
        assertThat(PosixFallocate.available()).as("JNA binds posix_fallocate (else every segment is zero-filled)")
                .isTrue();
    }

    @Test
    void aNewSegmentGetsAllItsBlocksWithoutAPageOfData() throws Exception {
        Path path = dir.resolve(StoreFileNames.segmentName(0));
        SegmentReservation.createFile(path, 32 * MIB, SegmentAllocator.standard());

        assertThat(Files.size(path)).isEqualTo(32L * MIB);
        assertThat(allocatedBytes(path)).as("blocks allocated for the whole file").isGreaterThanOrEqualTo(32L * MIB);
        MappedFile file = MappedFile.open(path, 32 * MIB);
        try {
            ByteBuffer view = file.wholeFileView();
            assertThat(view.get(0)).isZero();
            assertThat(view.get(32 * MIB - 1)).as("unwritten extents read as zeros").isZero();
        } finally {
            file.shutdown(true);
        }
    }

    @Test
    void bytesAlreadyInTheRangeKeepTheirValues() throws IOException {
        Path path = dir.resolve("partly-written");
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.READ)) {
            channel.write(ByteBuffer.wrap("kept".getBytes(StandardCharsets.US_ASCII)), 0);
            SegmentAllocator.standard().reserve(channel, path, 0, 4 * MIB);

            assertThat(channel.size()).isEqualTo(4L * MIB);
            ByteBuffer head = ByteBuffer.allocate(4);
            channel.read(head, 0);
            assertThat(new String(head.array(), StandardCharsets.US_ASCII)).isEqualTo("kept");
        }
    }

    @Test
    void aFailureIsReportedInTheCLibrarysWords() {
        Path missing = dir.resolve("no-such-file");
        assertThatThrownBy(() -> PosixFallocate.allocate(missing, 0, MIB))
                .isInstanceOf(IOException.class).hasMessageContaining("No such file or directory");
    }

    /** Blocks allocated to {@code path}, as {@code stat(1)} reports them (the JDK has no attribute for it). */
    private static long allocatedBytes(Path path) throws Exception {
        Process stat = new ProcessBuilder("stat", "-c", "%b %B", path.toString()).redirectErrorStream(true).start();
        String out = new String(stat.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        assertThat(stat.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String[] fields = out.split(" ");
        return Long.parseLong(fields[0]) * Long.parseLong(fields[1]);
    }
}
