package io.nimbusmq.broker;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import io.nimbusmq.store.DefaultMessageStore;

/**
 * The store's start (recovery, its first segment) on a thread of its own, so that the broker assembles its other parts
 * meanwhile: in a fresh JVM those parts are mostly class loading, the store's start mostly disk. Hand-off: the
 * broker calls {@link #await()} before anything may use the store (before its port is bound).
 */
final class StoreStart {

    private final DefaultMessageStore store;
    private final FutureTask<Void> task;

    private StoreStart(DefaultMessageStore store) {
        this.store = store;
        this.task = new FutureTask<>(() -> {
            store.start();
            return null;
        });
    }

    /** Starts {@code store} on a new daemon thread, {@code broker-store-start}. */
    static StoreStart begin(DefaultMessageStore store) {
        StoreStart start = new StoreStart(store);
        Thread starter = new Thread(start.task, "broker-store-start");
        starter.setDaemon(true);
        starter.start();
        return start;
    }

    /** Waits for the store's start; rethrows its failure. */
    void await() throws IOException {
        Throwable failure = join();
        if (failure == null) {
            return;
        }
        if (failure instanceof IOException io) {
            throw io;
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        throw new IllegalStateException("store failed to start in " + store.config().rootDir(), failure);
    }

    /**
     * Waits, uninterruptibly, for the store's start to end; returns its failure or null. The broker waits so before it
     * stops the store after a failed start: a stop that came before the start had begun would be ignored, and the
     * store would start after it.
     */
    Throwable join() {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    task.get();
                    return null;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    return e.getCause();
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
