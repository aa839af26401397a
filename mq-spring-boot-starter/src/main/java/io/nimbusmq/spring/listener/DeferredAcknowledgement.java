package io.nimbusmq.spring.listener;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.nimbusmq.client.consumer.ConsumeStatus;

/** The {@link Acknowledgement} of one listener call; the consume thread waits in {@link #await}. */
final class DeferredAcknowledgement implements Acknowledgement {

    private final CompletableFuture<ConsumeStatus> status = new CompletableFuture<>();

    @Override
    public void acknowledge() {
        status.complete(ConsumeStatus.SUCCESS);
    }

    @Override
    public void nack() {
        status.complete(ConsumeStatus.RETRY);
    }

    @Override
    public void deadLetter() {
        status.complete(ConsumeStatus.DEAD_LETTER);
    }

    /**
     * The verdict given within {@code timeout}.
     *
     * @throws TimeoutException     when none was given in time
     * @throws InterruptedException at shutdown
     */
    ConsumeStatus await(Duration timeout) throws TimeoutException, InterruptedException {
        try {
            return status.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }
}
