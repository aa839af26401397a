package io.nimbusmq.broker.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DelayLevelsTests {

    @Test
    void defaultLevelsAreRocketMqs() {
        DelayLevels levels = DelayLevels.parse(DelayLevels.DEFAULT);

        assertThat(levels.maxLevel()).isEqualTo(18);
        assertThat(levels.delayMillis(1)).isEqualTo(1_000);
        assertThat(levels.delayMillis(2)).isEqualTo(5_000);
        assertThat(levels.delayMillis(3)).isEqualTo(10_000);
        assertThat(levels.delayMillis(5)).isEqualTo(60_000);
        assertThat(levels.delayMillis(18)).isEqualTo(7_200_000);
    }

    @Test
    void levelsAboveTheLastAreClampedToTheLast() {
        DelayLevels levels = DelayLevels.parse(DelayLevels.DEFAULT);

        assertThat(levels.clamp(19)).isEqualTo(18);
        assertThat(levels.clamp(99)).isEqualTo(18);
        assertThat(levels.delayMillis(99)).isEqualTo(7_200_000);
    }

    @Test
    void customLevelsTakeDaysAndExtraSpaces() {
        DelayLevels levels = DelayLevels.parse(" 2s  1d ");

        assertThat(levels.maxLevel()).isEqualTo(2);
        assertThat(levels.delayMillis(2)).isEqualTo(86_400_000);
        assertThat(levels.spec()).isEqualTo("2s 1d");
    }

    @Test
    void malformedLevelsAreRejected() {
        assertThatThrownBy(() -> DelayLevels.parse("5x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unit");
        assertThatThrownBy(() -> DelayLevels.parse("as")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DelayLevels.parse("0s")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DelayLevels.parse(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
