package io.nimbusmq.broker.stats;

/**
 * The message count and the byte count of one key, looked up together so that the message path does one map lookup
 * per request.
 */
public record Counters(StatsItem nums, StatsItem size) {

    Counters(long createdMillis) {
        this(new StatsItem(createdMillis), new StatsItem(createdMillis));
    }

    /** {@code messages} messages of {@code bytes} bytes in one call. */
    public void add(int messages, long bytes) {
        nums.add(messages);
        size.add(bytes);
    }
}
