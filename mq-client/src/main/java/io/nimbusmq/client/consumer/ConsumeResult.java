package io.nimbusmq.client.consumer;

/**
 * A handler's verdict on a batch that failed part-way, as the official client's {@code ackIndex}: the messages before
 * {@code failedIndex} succeeded (their offsets are committed), the message at {@code failedIndex} gets
 * {@code status}, and the ones after it are retried ({@link ConsumeStatus#RETRY}) without having been handled.
 *
 * @param status      the verdict on the failed message, or on every message when {@code failedIndex} is 0
 * @param failedIndex the first message that did not succeed; 0 when the verdict is on the whole batch
 */
public record ConsumeResult(ConsumeStatus status, int failedIndex) {

    public ConsumeResult {
        if (status == null) {
            status = ConsumeStatus.RETRY;
        }
        if (failedIndex < 0) {
            throw new IllegalArgumentException("failedIndex " + failedIndex + " is negative");
        }
    }

    /** The same verdict on every message. */
    public static ConsumeResult of(ConsumeStatus status) {
        return new ConsumeResult(status, 0);
    }

    /** The verdict on the message at {@code index} of the batch. */
    public ConsumeStatus statusOf(int index) {
        if (status == ConsumeStatus.SUCCESS || index < failedIndex) {
            return ConsumeStatus.SUCCESS;
        }
        return index == failedIndex ? status : ConsumeStatus.RETRY;
    }
}
