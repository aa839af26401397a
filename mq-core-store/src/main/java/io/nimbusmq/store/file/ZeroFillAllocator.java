package io.nimbusmq.store.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/** {@link SegmentAllocator.standard()}. Stateless; the zero buffer is shared read-only. */
final class ZeroFillAllocator implements SegmentAllocator {

    static final ZeroFillAllocator INSTANCE = new ZeroFillAllocator();
    private static final int CHUNK_BYTES = 1024 * 1024;
    private static final ByteBuffer ZEROS = ByteBuffer.allocateDirect(CHUNK_BYTES).asReadOnlyBuffer();

    private ZeroFillAllocator() {
    }

    @Override
    public void reserve(FileChannel channel, Path path, long from, long to) throws IOException {
        ByteBuffer zeros = ZEROS.duplicate();
        long position = from;
        while (position < to) {
            zeros.clear().limit((int) Math.min(CHUNK_BYTES, to - position));
            while (zeros.hasRemaining()) {
                position += channel.write(zeros, position);
            }
        }
    }
}
