package io.nimbusmq.store.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import io.nimbusmq.store.file.StoreFileNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The file lock that keeps a second store (in this process or another) off a store directory. */
public final class StoreLock implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StoreLock.class);

    private final FileChannel channel;
    private final FileLock lock;

    private StoreLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** @throws IOException naming the directory if another store holds it */
    public static StoreLock acquire(Path root) throws IOException {
        FileChannel channel = FileChannel.open(StoreFileNames.lockFile(root), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IOException("store directory " + root + " is in use by another store");
        }
        return new StoreLock(channel, lock);
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            log.warn("Failed to release the store lock", e);
        }
    }
}
