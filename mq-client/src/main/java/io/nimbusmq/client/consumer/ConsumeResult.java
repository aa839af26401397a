package io.nimbusmq.client.consumer;

/**
 * A handler's verdict on its messages: the same for all ({@link #of}, {@code failedIndex} -1), or, for a batch that
 * failed part-way, as the official client's {@code ackIndex}: the messages before {@code failedIndex} succeeded (their
 * offsets are committed), the message at {@code failedIndex} gets {@code status}, and the ones after it were not
 * handled and are delivered again (CONCURRENTLY: sent back for a retry; ORDERLY: consumed again, unchanged).
 *
 * @param status      the verdict on every message, or on the failed one
 * @param failedIndex the message that failed, or -1 when the verdict is on the whole batch
 */
public record ConsumeResult(ConsumeStatus status, int failedIndex) {

    public ConsumeResult {
        if (status == null) {
            status = ConsumeStatus.RETRY;
        }
        if (failedIndex < -1) {
            throw new IllegalArgumentException("failedIndex " + failedIndex + " is below -1");
        }
    }

    /** The same verdict on every message. */
    public static ConsumeResult of(ConsumeStatus status) {
        return new ConsumeResult(status, -1);
    }

    /** Whether the verdict names one failed message. */
    public boolean partWay() {
        return failedIndex >= 0;
    }

    /** The first message that did not succeed (0 for a verdict on the whole batch). */
    public int firstUnfinished() {
        return Math.max(0, failedIndex);
    }

    /** The verdict on the message at {@code index} of the batch. */
    public ConsumeStatus statusOf(int index) {
        if (status == ConsumeStatus.SUCCESS || !partWay()) {
            return status;
        }
        if (index < failedIndex) {
            return ConsumeStatus.SUCCESS;
        }
        return index == failedIndex ? status : ConsumeStatus.RETRY;
    }
}
