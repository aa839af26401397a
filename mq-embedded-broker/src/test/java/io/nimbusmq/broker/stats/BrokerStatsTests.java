package io.nimbusmq.broker.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.nimbusmq.broker.time.ManualClock;
import org.junit.jupiter.api.Test;

class BrokerStatsTests {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-02T10:00:00Z"));
    private final BrokerStats stats = new BrokerStats("DefaultCluster", clock);

    /** One sampling tick per simulated second, with {@code perSecond} puts of 100 bytes in each. */
    private void runSeconds(int seconds, String topic, int perSecond) {
        for (int s = 0; s < seconds; s++) {
            stats.tick();
            for (int i = 0; i < perSecond; i++) {
                stats.onPut(topic, 1, 100);
            }
            clock.advance(Duration.ofSeconds(1));
        }
        stats.tick();
    }

    @Test
    void putTpsIsTheRateOverEachWindow() {
        runSeconds(600, "T", 5);

        assertThat(stats.putTps(10)).isCloseTo(5.0, within(0.01));
        assertThat(stats.putTps(60)).isCloseTo(5.0, within(0.01));
        assertThat(stats.putTps(600)).isCloseTo(5.0, within(0.01));
        assertThat(stats.getTps(10)).isZero();
    }

    @Test
    void trafficHistoryGivesEachStepsRatesOldestFirstEndingNow() {
        runSeconds(20, "T", 2);

        List<BrokerStats.TrafficSample> history = stats.trafficHistory(5);

        assertThat(history).extracting(BrokerStats.TrafficSample::timeMillis).containsExactly(
                clock.millis() - 15_000, clock.millis() - 10_000, clock.millis() - 5_000, clock.millis());
        assertThat(history).allSatisfy(sample -> {
            assertThat(sample.putTps()).isCloseTo(2.0, within(0.01));
            assertThat(sample.getTps()).isZero();
        });
        assertThat(stats.trafficHistory(1)).hasSize(20);
    }

    @Test
    void theTenSecondWindowFollowsAChangeOfRateBeforeTheLongerOnes() {
        runSeconds(120, "T", 2);
        runSeconds(10, "T", 12);

        assertThat(stats.putTps(10)).isCloseTo(12.0, within(0.01));
        assertThat(stats.putTps(60)).isBetween(2.0, 12.0);
        assertThat(stats.putTps(600)).isLessThan(stats.putTps(60));
    }

    @Test
    void topicItemsReportTheLastMinutesSumTpsAndAverageSize() {
        runSeconds(70, "orders", 3);

        StatsSnapshot nums = stats.item(BrokerStats.TOPIC_PUT_NUMS, "orders").orElseThrow().minute();
        StatsSnapshot size = stats.item(BrokerStats.TOPIC_PUT_SIZE, "orders").orElseThrow().minute();

        assertThat(nums.sum()).isEqualTo(180);
        assertThat(nums.tps()).isCloseTo(3.0, within(0.01));
        assertThat(nums.avgpt()).isCloseTo(1.0, within(0.01));
        assertThat(size.avgpt()).isCloseTo(100.0, within(0.01));
        assertThat(stats.item(BrokerStats.BROKER_PUT_NUMS, "DefaultCluster").orElseThrow().total()).isEqualTo(210);
        assertThat(stats.item(BrokerStats.TOPIC_PUT_NUMS, "unknown")).isEmpty();
    }

    @Test
    void groupItemsAreNamedTopicAtGroup() {
        stats.tick();
        stats.onGet("cg", "orders", 32, 3_200);
        clock.advance(Duration.ofSeconds(10));
        for (int i = 0; i < 10; i++) {
            stats.tick();
        }

        StatsItem item = stats.item(BrokerStats.GROUP_GET_NUMS, "orders@cg").orElseThrow();

        assertThat(item.total()).isEqualTo(32);
        assertThat(item.minute().sum()).isEqualTo(32);
        assertThat(item.minute().avgpt()).isCloseTo(32.0, within(0.01));
        assertThat(stats.groupGetTps("cg", "orders")).isCloseTo(3.2, within(0.01));
        assertThat(stats.item(BrokerStats.GROUP_GET_NUMS, "orders@other")).isEmpty();
        assertThat(stats.item(BrokerStats.GROUP_GET_NUMS, "no-group")).isEmpty();
    }

    @Test
    void midnightMovesTodaysTotalsToYesterday() {
        DailyTotals daily = new DailyTotals(LocalDate.of(2026, 3, 2));

        daily.roll(LocalDate.of(2026, 3, 2), 50, 40);
        assertThat(daily.totals(50, 40)).isEqualTo(new DailyTotals.Totals(50, 0, 0, 40, 0, 0));
        daily.roll(LocalDate.of(2026, 3, 3), 70, 60);
        daily.roll(LocalDate.of(2026, 3, 4), 100, 90);

        assertThat(daily.totals(120, 95)).isEqualTo(new DailyTotals.Totals(120, 100, 70, 95, 90, 60));
    }

    @Test
    void aSampleRingWithOneSampleHasNoWindow() {
        SampleRing ring = new SampleRing(3);
        ring.add(1_000, 5, 1);
        assertThat(ring.window()).isEqualTo(StatsSnapshot.EMPTY);
        ring.add(2_000, 15, 2);
        ring.add(3_000, 25, 3);
        ring.add(4_000, 45, 4);

        assertThat(ring.window()).isEqualTo(new StatsSnapshot(30, 15.0, 15.0));
        assertThat(ring.windowOfLast(2)).isEqualTo(new StatsSnapshot(20, 20.0, 20.0));
    }
}
