package io.nimbusmq.store.flush;

import java.util.function.LongSupplier;

import io.nimbusmq.store.internal.ServiceThread;

/**
 * Periodically forces the structures derived from the commit log (consume queues, index) and then records how far
 * they are safe in the checkpoint.
 *
 * <p>Order matters: the dispatched offset is read <em>before</em> the derived structures are forced, so the
 * checkpoint never claims more than what reached the disk.
 */
public final class CheckpointService extends ServiceThread {

    /** Writes a checkpoint: commit log flushed offset, dispatch-safe offset. */
    @FunctionalInterface
    public interface CheckpointWriter {
        void write(long commitLogFlushedOffset, long dispatchSafeOffset) throws Exception;
    }

    private final int intervalMillis;
    private final LongSupplier dispatchedOffset;
    private final Runnable forceDerived;
    private final LongSupplier commitLogFlushedOffset;
    private final CheckpointWriter writer;

    public CheckpointService(int intervalMillis, LongSupplier dispatchedOffset, Runnable forceDerived,
            LongSupplier commitLogFlushedOffset, CheckpointWriter writer) {
        this.intervalMillis = intervalMillis;
        this.dispatchedOffset = dispatchedOffset;
        this.forceDerived = forceDerived;
        this.commitLogFlushedOffset = commitLogFlushedOffset;
        this.writer = writer;
    }

    @Override
    protected String serviceName() {
        return "store-checkpoint";
    }

    @Override
    protected long waitIntervalMillis() {
        return intervalMillis;
    }

    @Override
    protected void runOnce() throws Exception {
        checkpoint();
    }

    /** Forces the derived structures and writes the checkpoint now. */
    public void checkpoint() throws Exception {
        long dispatched = dispatchedOffset.getAsLong();
        forceDerived.run();
        writer.write(commitLogFlushedOffset.getAsLong(), dispatched);
    }
}
