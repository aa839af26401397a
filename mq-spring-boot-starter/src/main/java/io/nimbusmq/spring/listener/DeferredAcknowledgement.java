package io.nimbusmq.spring.listener;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.nimbusmq.client.consumer.ConsumeStatus;

/** The {@link Acknowledgement} of one listener call: its {@link #verdict} completes when the listener gives it. */
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
     * The verdict, completing when it is given, or exceptionally with a {@link java.util.concurrent.TimeoutException}
     * when none was given within {@code timeout} (a later one is then ignored).
     */
    CompletableFuture<ConsumeStatus> verdict(Duration timeout) {
        return status.orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }
}
