package io.nimbusmq.store.internal;

import java.util.concurrent.atomic.AtomicBoolean;

import java.util.concurrent.TimeUnit;

import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.nimbusmq.store.LogCapture;
import org.junit.jupiter.api.Test;

class ServiceThreadTests {

    /** Fails the same way for its first {@code failures} rounds, then differently once, then succeeds. */
    private static final class Flaky extends ServiceThread {

        final AtomicInteger rounds = new AtomicInteger();
        private final int failures;

        Flaky(int failures) {
            this.failures = failures;
        }

        @Override
        protected String serviceName() {
            return "flaky";
        }

        @Override
        protected void runOnce() {
            int round = rounds.incrementAndGet();
            if (round <= failures) {
                throw new IllegalStateException("disk full");
            }
            if (round == failures + 1) {
                throw new IllegalStateException("something else");
            }
        }

        @Override
        protected long waitIntervalMillis() {
            return 1;
        }
    }

    @Test
    void aFailureThatRepeatsIsLoggedOnceAndANewOneAgain() {
        try (LogCapture logs = new LogCapture()) {
            Flaky service = new Flaky(200);
            service.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> service.rounds.get() > 210);
            service.shutdown();

            assertThat(logs.problems()).extracting(e -> e.getThrowableProxy().getMessage())
                    .containsExactly("disk full", "something else");
        }
    }

    /** A round that runs until it is released. */
    private static final class Blocking extends ServiceThread {
        final CountDownLatch inRound = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicBoolean roundFinished = new AtomicBoolean();

        @Override
        protected String serviceName() {
            return "blocking";
        }

        @Override
        protected long waitIntervalMillis() {
            return 1;
        }

        @Override
        protected void runOnce() {
            inRound.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            roundFinished.set(true);
        }
    }

    @Test
    void anInterruptedCallerStillWaitsForTheRoundToFinishAndKeepsItsInterrupt() throws Exception {
        Blocking service = new Blocking();
        service.start();
        assertThat(service.inRound.await(30, TimeUnit.SECONDS)).isTrue();
        AtomicBoolean returnedAfterRound = new AtomicBoolean();
        AtomicBoolean interruptKept = new AtomicBoolean();
        Thread closer = new Thread(() -> {
            service.shutdown();
            returnedAfterRound.set(service.roundFinished.get());
            interruptKept.set(Thread.currentThread().isInterrupted());
        });
        closer.start();
        closer.interrupt();
        await().atMost(Duration.ofSeconds(30)).until(() -> closer.getState() == Thread.State.TIMED_WAITING
                || closer.getState() == Thread.State.WAITING);

        assertThat(closer.isAlive()).as("shutdown returned while the round still ran").isTrue();
        service.release.countDown();
        closer.join(30_000);

        assertThat(closer.isAlive()).isFalse();
        assertThat(returnedAfterRound).isTrue();
        assertThat(interruptKept).isTrue();
    }
}
