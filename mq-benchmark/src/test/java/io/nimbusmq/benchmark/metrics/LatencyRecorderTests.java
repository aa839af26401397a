package io.nimbusmq.benchmark.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LatencyRecorderTests {

    @Test
    void reportsPercentilesInMicroseconds() {
        LatencyRecorder recorder = new LatencyRecorder();
        for (int i = 1; i <= 1000; i++) {
            recorder.recordNanos(i * 1_000L); // 1 .. 1000 us
        }

        LatencySummary summary = recorder.summary();

        assertThat(summary.count()).isEqualTo(1000);
        assertThat(summary.p50Micros()).isCloseTo(500, within(1.0));
        assertThat(summary.p99Micros()).isCloseTo(990, within(1.0));
        assertThat(summary.p999Micros()).isCloseTo(999, within(1.0));
        assertThat(summary.maxMicros()).isCloseTo(1000, within(1.0));
    }

    @Test
    void resetDropsTheWarmUp() {
        LatencyRecorder recorder = new LatencyRecorder();
        recorder.recordNanos(5_000_000_000L); // a 5 s outlier during warm-up
        recorder.reset();
        recorder.recordNanos(2_000);

        LatencySummary summary = recorder.summary();

        assertThat(summary.count()).isEqualTo(1);
        assertThat(summary.maxMicros()).isCloseTo(2, within(0.01));
    }

    @Test
    void aSummaryStartsANewInterval() {
        LatencyRecorder recorder = new LatencyRecorder();
        recorder.recordNanos(1_000);
        recorder.summary();

        assertThat(recorder.summary()).isEqualTo(LatencySummary.NONE);
    }

    @Test
    void keepsThreeSignificantDigitsForLongLatencies() {
        LatencyRecorder recorder = new LatencyRecorder();
        recorder.recordNanos(4_567_000_000L); // 4.567 s

        assertThat(recorder.summary().maxMicros()).isCloseTo(4_567_000, within(4_567_000 * 0.001));
    }

    @Test
    void negativeDurationsCountAsZero() {
        LatencyRecorder recorder = new LatencyRecorder();
        recorder.recordNanos(-5_000);

        assertThat(recorder.summary().maxMicros()).isZero();
    }
}
