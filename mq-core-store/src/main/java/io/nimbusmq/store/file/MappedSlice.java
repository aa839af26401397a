package io.nimbusmq.store.file;

import java.nio.ByteBuffer;

/**
 * A read-only view of bytes inside a mapped file, handed out without copying.
 *
 * <p>The slice holds a reference on its file: the file is not unmapped or deleted before every slice of it has been
 * {@link #release() released}. Release exactly once, when the bytes have been read or written to the network.
 *
 * @param physicalOffset the absolute offset of the first byte of the slice in its log
 * @param buffer a buffer positioned at 0 whose limit is the slice size
 */
public record MappedSlice(MappedFile file, long physicalOffset, ByteBuffer buffer) implements AutoCloseable {

    public int sizeBytes() {
        return buffer.limit();
    }

    public void release() {
        file.release();
    }

    @Override
    public void close() {
        release();
    }
}
