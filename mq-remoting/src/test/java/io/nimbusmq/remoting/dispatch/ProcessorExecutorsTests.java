package io.nimbusmq.remoting.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProcessorExecutorsTests {

    @Test
    void rejectsTasksBeyondThreadsPlusQueueCapacity() throws Exception {
        ExecutorService executor = ProcessorExecutors.bounded("bounded-test", 1, 1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> running = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                running.complete(Thread.currentThread().getName());
                awaitQuietly(release);
            });
            assertThat(running.get(30, TimeUnit.SECONDS)).isEqualTo("bounded-test-1");
            executor.execute(() -> { });

            assertThatThrownBy(() -> executor.execute(() -> { })).isInstanceOf(RejectedExecutionException.class);
        } finally {
            release.countDown();
            executor.shutdownNow();
        }
    }

    @Test
    void namesDaemonThreadsWithThePrefix() {
        Thread thread = new NamedThreadFactory("named", true).newThread(() -> { });

        assertThat(thread.getName()).isEqualTo("named-1");
        assertThat(thread.isDaemon()).isTrue();
    }

    @Test
    void refusesNonsenseSizes() {
        assertThatThrownBy(() -> ProcessorExecutors.bounded("x", 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProcessorExecutors.bounded("x", 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NamedThreadFactory(" ", true)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
