package io.nimbusmq.benchmark.scale;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The stored counts at which the scale benchmark stops filling and measures: ascending, distinct, from 0 (the empty
 * store, the reference of every ratio) to the total. {@code 0} and the total are added when missing.
 */
public record CheckpointPlan(List<Long> checkpoints) {

    public CheckpointPlan {
        checkpoints = List.copyOf(checkpoints);
    }

    /**
     * @throws IllegalArgumentException for a negative checkpoint or one above the total
     */
    public static CheckpointPlan of(long total, List<Long> requested) {
        TreeSet<Long> sorted = new TreeSet<>();
        for (long checkpoint : requested) {
            if (checkpoint < 0 || checkpoint > total) {
                throw new IllegalArgumentException("checkpoint " + checkpoint + " is outside [0, total = " + total
                        + "]");
            }
            sorted.add(checkpoint);
        }
        sorted.add(0L);
        sorted.add(total);
        return new CheckpointPlan(new ArrayList<>(sorted));
    }

    public long total() {
        return checkpoints.get(checkpoints.size() - 1);
    }

    /**
     * Messages to fill before checkpoint {@code index}, given that {@code stored} messages are in the fill topic
     * already (the measured produce windows add to it too); 0 once the checkpoint is reached.
     */
    public long fillBefore(int index, long stored) {
        return Math.max(0, checkpoints.get(index) - stored);
    }
}
