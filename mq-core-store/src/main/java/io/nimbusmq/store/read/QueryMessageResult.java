package io.nimbusmq.store.read;

import java.util.List;

import io.nimbusmq.store.file.MappedSlice;

/**
 * Messages found by key, newest first, as slices of the commit log. Release when done.
 *
 * @param indexLastUpdateTimestamp store time of the newest indexed message
 * @param indexLastUpdatePhysicalOffset commit log offset of the newest indexed message
 */
public record QueryMessageResult(List<MappedSlice> messages, long indexLastUpdateTimestamp,
        long indexLastUpdatePhysicalOffset) implements AutoCloseable {

    public void release() {
        messages.forEach(MappedSlice::release);
    }

    @Override
    public void close() {
        release();
    }
}
