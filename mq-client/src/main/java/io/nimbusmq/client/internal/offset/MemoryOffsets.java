package io.nimbusmq.client.internal.offset;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.nimbusmq.remoting.protocol.body.client.MessageQueue;

/**
 * The in-memory half every {@link OffsetStore} shares: the offsets of the queues a consumer holds, updated as
 * messages finish and forgotten when a queue leaves. Subclasses add where the offsets are persisted.
 */
abstract class MemoryOffsets implements OffsetStore {

    /** Queue to the next offset to consume. */
    protected final Map<MessageQueue, Long> offsets = new ConcurrentHashMap<>();

    @Override
    public long readFromMemory(MessageQueue queue) {
        return offsets.getOrDefault(queue, -1L);
    }

    @Override
    public void update(MessageQueue queue, long offset, boolean increaseOnly) {
        offsets.merge(queue, offset, (old, value) -> increaseOnly ? Math.max(old, value) : value);
    }

    @Override
    public void remove(MessageQueue queue) {
        offsets.remove(queue);
    }
}
