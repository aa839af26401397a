package io.nimbusmq.store.queue;

/**
 * Consume queue settings.
 *
 * @param entriesPerSegment entries (20 bytes each) per segment file; RocketMQ uses 300,000
 */
public record ConsumeQueueConfig(int entriesPerSegment) {

    public ConsumeQueueConfig {
        if (entriesPerSegment < 16 || (long) entriesPerSegment * ConsumeQueue.ENTRY_SIZE > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("entriesPerSegment out of range: " + entriesPerSegment);
        }
    }

    public static ConsumeQueueConfig defaults() {
        return new ConsumeQueueConfig(300_000);
    }

    public int segmentSizeBytes() {
        return entriesPerSegment * ConsumeQueue.ENTRY_SIZE;
    }
}
