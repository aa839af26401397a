package io.nimbusmq.benchmark.metrics;

/**
 * The message accounting of one scenario (see {@link DeliveryLedger}): {@code received} counts distinct ids, so
 * {@code received + lost = acked + receivedUnacked}.
 */
public record DeliveryCounts(long sent, long acked, long failed, long received, long lost, long duplicated,
        long receivedUnacked, long unexpected) {

    public static final DeliveryCounts NONE = new DeliveryCounts(0, 0, 0, 0, 0, 0, 0, 0);

    /** Nothing lost, nothing duplicated, nothing foreign. */
    public boolean clean() {
        return lost == 0 && duplicated == 0 && unexpected == 0;
    }
}
