package io.nimbusmq.benchmark.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;

import org.junit.jupiter.api.Test;

class CheckpointPlanTests {

    @Test
    void sortsDeduplicatesAndAddsTheEmptyStoreAndTheTotal() {
        CheckpointPlan plan = CheckpointPlan.of(100, List.of(50L, 10L, 50L));

        assertThat(plan.checkpoints()).containsExactly(0L, 10L, 50L, 100L);
        assertThat(plan.total()).isEqualTo(100);
    }

    @Test
    void fillsOnlyWhatTheStoreLacks() {
        CheckpointPlan plan = CheckpointPlan.of(100, List.of(0L, 10L, 50L, 100L));

        assertThat(plan.fillBefore(0, 0)).isZero();
        assertThat(plan.fillBefore(1, 3)).isEqualTo(7);
        // the measured windows wrote past the checkpoint already
        assertThat(plan.fillBefore(2, 60)).isZero();
        assertThat(plan.fillBefore(3, 60)).isEqualTo(40);
    }

    @Test
    void refusesCheckpointsOutsideTheRun() {
        assertThatIllegalArgumentException().isThrownBy(() -> CheckpointPlan.of(100, List.of(101L)))
                .withMessageContaining("outside [0, total = 100]");
        assertThatIllegalArgumentException().isThrownBy(() -> CheckpointPlan.of(100, List.of(-1L)));
    }
}
