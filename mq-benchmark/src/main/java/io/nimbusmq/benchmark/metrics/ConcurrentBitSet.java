package io.nimbusmq.benchmark.metrics;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A set of ids in {@code [0, capacity)}, safe for concurrent adds: one bit per id, in chunks of 2^20 ids (128 KiB)
 * allocated on first use, so a scenario that sends a few thousand messages pays for one chunk.
 */
final class ConcurrentBitSet {

    private static final int CHUNK_BITS_LOG2 = 20;
    private static final int CHUNK_WORDS = 1 << (CHUNK_BITS_LOG2 - 6);

    private final long capacity;
    private final AtomicReferenceArray<AtomicLongArray> chunks;

    ConcurrentBitSet(long capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
        this.chunks = new AtomicReferenceArray<>((int) ((capacity - 1) >>> CHUNK_BITS_LOG2) + 1);
    }

    long capacity() {
        return capacity;
    }

    /** Adds {@code id}; true if it was not in the set before. */
    boolean add(long id) {
        checkRange(id);
        AtomicLongArray chunk = chunk((int) (id >>> CHUNK_BITS_LOG2), true);
        int word = (int) ((id >>> 6) & (CHUNK_WORDS - 1));
        long mask = 1L << (id & 63);
        long old;
        do {
            old = chunk.get(word);
            if ((old & mask) != 0) {
                return false;
            }
        } while (!chunk.compareAndSet(word, old, old | mask));
        return true;
    }

    boolean contains(long id) {
        checkRange(id);
        AtomicLongArray chunk = chunk((int) (id >>> CHUNK_BITS_LOG2), false);
        return chunk != null && (chunk.get((int) ((id >>> 6) & (CHUNK_WORDS - 1))) & (1L << (id & 63))) != 0;
    }

    /** The 64 bits of ids {@code 64 * index} to {@code 64 * index + 63}. */
    long word(long index) {
        AtomicLongArray chunk = chunk((int) (index >>> (CHUNK_BITS_LOG2 - 6)), false);
        return chunk == null ? 0 : chunk.get((int) (index & (CHUNK_WORDS - 1)));
    }

    private AtomicLongArray chunk(int index, boolean create) {
        AtomicLongArray chunk = chunks.get(index);
        if (chunk == null && create) {
            chunks.compareAndSet(index, null, new AtomicLongArray(CHUNK_WORDS));
            chunk = chunks.get(index);
        }
        return chunk;
    }

    private void checkRange(long id) {
        if (id < 0 || id >= capacity) {
            throw new IndexOutOfBoundsException("id " + id + " outside [0, " + capacity + ")");
        }
    }
}
