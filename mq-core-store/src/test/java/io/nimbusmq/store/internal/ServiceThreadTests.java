package io.nimbusmq.store.internal;

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
}
