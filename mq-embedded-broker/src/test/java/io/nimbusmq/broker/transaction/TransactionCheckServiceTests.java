package io.nimbusmq.broker.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import io.nimbusmq.broker.time.ManualClock;
import org.junit.jupiter.api.Test;

class TransactionCheckServiceTests {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final AtomicInteger passes = new AtomicInteger();

    @Test
    void aPassRunsEachTimeTheClockReachesTheNextInterval() {
        try (TransactionCheckService service = new TransactionCheckService(passes::incrementAndGet, clock, 30_000)) {
            service.start();

            clock.advance(Duration.ofSeconds(29));
            clock.advance(Duration.ofSeconds(1));
            await().atMost(Duration.ofSeconds(30)).until(() -> service.completedPasses() == 1);
            clock.advance(Duration.ofSeconds(30));
            await().atMost(Duration.ofSeconds(30)).until(() -> service.completedPasses() == 2);
            clock.advance(Duration.ofSeconds(10));

            assertThat(passes).hasValue(2);
        }
    }

    @Test
    void aFailingPassDoesNotStopTheService() {
        try (TransactionCheckService service = new TransactionCheckService(() -> {
            passes.incrementAndGet();
            throw new IllegalStateException("boom");
        }, clock, 1_000)) {
            service.start();
            clock.advance(Duration.ofSeconds(1));
            await().atMost(Duration.ofSeconds(30)).until(() -> service.completedPasses() == 1);
            clock.advance(Duration.ofSeconds(1));
            await().atMost(Duration.ofSeconds(30)).until(() -> service.completedPasses() == 2);
        }
        assertThat(passes).hasValue(2);
    }

    @Test
    void shutdownStopsTheThreadAndUnhooksTheClock() {
        TransactionCheckService service = new TransactionCheckService(passes::incrementAndGet, clock, 1_000);
        service.start();
        service.shutdown();

        clock.advance(Duration.ofSeconds(5));

        assertThat(passes).hasValue(0);
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("transaction-check"));
    }
}
