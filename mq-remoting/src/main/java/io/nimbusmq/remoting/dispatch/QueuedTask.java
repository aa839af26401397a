package io.nimbusmq.remoting.dispatch;

/** A task that knows when it was queued, so that its executor can tell how long the head of its queue has waited. */
interface QueuedTask extends Runnable {

    /** {@link System#nanoTime()} when the task was queued. */
    long queuedAtNanos();
}
