package io.nimbusmq.store.file;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/** {@link SegmentAllocator#standard()}: {@link PosixFallocate} where it works, {@link ZeroFillAllocator} elsewhere. */
final class FallocateAllocator implements SegmentAllocator {

    static final FallocateAllocator INSTANCE = new FallocateAllocator();

    private FallocateAllocator() {
    }

    @Override
    public void reserve(FileChannel channel, Path path, long from, long to) throws IOException {
        if (!PosixFallocate.allocate(path, from, to - from)) {
            ZeroFillAllocator.INSTANCE.reserve(channel, path, from, to);
        }
    }
}
