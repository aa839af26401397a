package io.nimbusmq.store.recovery;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32;

import io.nimbusmq.store.file.StoreFileNames;

/**
 * What the store guarantees about its files at one moment.
 *
 * <pre>
 * | commitLogFlushedOffset 8 | dispatchSafeOffset 8 | writtenAtMillis 8 | crc32 of the first 24 bytes 4 |
 * </pre>
 *
 * {@code commitLogFlushedOffset}: every commit log byte before it was forced. {@code dispatchSafeOffset}: every
 * message before it is in the consume queues and the index, and those were forced. The file is replaced atomically
 * (write a temporary file, force, rename), so a crash leaves either the old or the new checkpoint; one that fails its
 * CRC is ignored and recovery starts from the oldest segment.
 */
public record StoreCheckpoint(long commitLogFlushedOffset, long dispatchSafeOffset, long writtenAtMillis) {

    private static final int SIZE = 28;

    /** Reads the checkpoint, or returns null if there is none or it is damaged. */
    public static StoreCheckpoint read(Path storeRoot) throws IOException {
        Path file = StoreFileNames.checkpointFile(storeRoot);
        if (!Files.exists(file)) {
            return null;
        }
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length != SIZE) {
            return null;
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, 24);
        if ((int) crc.getValue() != buf.getInt(24)) {
            return null;
        }
        return new StoreCheckpoint(buf.getLong(0), buf.getLong(8), buf.getLong(16));
    }

    /** Replaces the checkpoint file atomically. */
    public void write(Path storeRoot) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(SIZE);
        buf.putLong(commitLogFlushedOffset).putLong(dispatchSafeOffset).putLong(writtenAtMillis);
        CRC32 crc = new CRC32();
        crc.update(buf.array(), 0, 24);
        buf.putInt((int) crc.getValue()).flip();
        Path file = StoreFileNames.checkpointFile(storeRoot);
        Path temp = StoreFileNames.tempFileFor(file);
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
            channel.force(true);
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
