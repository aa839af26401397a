package io.nimbusmq.client.internal.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConsumeStartTimesTests {

    @Test
    void putGetAndRemoveByOffset() {
        ConsumeStartTimes times = new ConsumeStartTimes();
        times.put(1_000_005, 42);
        times.put(1_000_006, 43);
        times.put(1_000_005, 44);

        assertThat(times.get(1_000_005)).as("replaced").isEqualTo(44);
        assertThat(times.get(1_000_006)).isEqualTo(43);
        assertThat(times.get(1_000_007)).isEqualTo(ConsumeStartTimes.NONE);
        assertThat(times.size()).isEqualTo(2);

        times.remove(1_000_005);
        times.remove(1_000_099);
        assertThat(times.get(1_000_005)).isEqualTo(ConsumeStartTimes.NONE);
        assertThat(times.size()).isEqualTo(1);
    }

    @Test
    void anOffsetOneCapacityApartDoesNotOverwriteALiveOne() {
        ConsumeStartTimes times = new ConsumeStartTimes();
        int capacity = times.capacity();
        times.put(7, 1);
        times.put(7 + capacity, 2);

        assertThat(times.get(7)).isEqualTo(1);
        assertThat(times.get(7 + capacity)).isEqualTo(2);
        assertThat(times.capacity()).isEqualTo(capacity * 2);
    }

    @Test
    void aWideSpanGrowsTheRingOnceAndKeepsEveryTime() {
        ConsumeStartTimes times = new ConsumeStartTimes();
        for (long offset = 500; offset < 3_500; offset++) {
            times.put(offset, offset * 10);
        }

        assertThat(times.size()).isEqualTo(3_000);
        assertThat(times.capacity()).isEqualTo(4_096);
        for (long offset = 500; offset < 3_500; offset++) {
            assertThat(times.get(offset)).isEqualTo(offset * 10);
        }
    }

    @Test
    void aSlidingWindowOfLiveOffsetsNeverGrowsTheRing() {
        ConsumeStartTimes times = new ConsumeStartTimes();
        int capacity = times.capacity();
        int window = capacity / 2;
        for (long offset = 0; offset < 1_000_000; offset++) {
            times.put(offset, offset);
            if (offset >= window) {
                assertThat(times.get(offset - window)).isEqualTo(offset - window);
                times.remove(offset - window);
            }
        }

        assertThat(times.capacity()).isEqualTo(capacity);
        assertThat(times.size()).isEqualTo(window);
    }

    @Test
    void clearForgetsEverythingAndShrinks() {
        ConsumeStartTimes times = new ConsumeStartTimes();
        int capacity = times.capacity();
        for (long offset = 0; offset < 1_000; offset++) {
            times.put(offset, 1);
        }

        times.clear();

        assertThat(times.size()).isZero();
        assertThat(times.capacity()).isEqualTo(capacity);
        assertThat(times.get(5)).isEqualTo(ConsumeStartTimes.NONE);
    }
}
