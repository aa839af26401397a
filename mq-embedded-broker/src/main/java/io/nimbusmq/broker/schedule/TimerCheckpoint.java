package io.nimbusmq.broker.schedule;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import io.nimbusmq.broker.internal.JsonFiles;

/**
 * The timer service's progress, written atomically to {@code timer/checkpoint.json} about once a second and at
 * shutdown, after the timer log is forced.
 *
 * @param timerLogEnd the valid end of the timer log
 * @param deliveredBeforeMillis every waiting message whose target time is before this has been delivered (stored
 *        again in its real topic); the rest has not
 * @param queueOffsets per schedule queue ({@code topic/queueId}), the next consume queue offset to index
 */
public record TimerCheckpoint(long timerLogEnd, long deliveredBeforeMillis, Map<String, Long> queueOffsets) {

    public TimerCheckpoint {
        queueOffsets = queueOffsets == null ? Map.of() : Map.copyOf(queueOffsets);
    }

    /** The checkpoint in {@code file}, or null if there is none. */
    public static TimerCheckpoint read(Path file) throws IOException {
        return JsonFiles.read(file, TimerCheckpoint.class);
    }

    public void write(Path file) throws IOException {
        JsonFiles.write(file, this);
    }

    static String queueKey(String topic, int queueId) {
        return topic + "/" + queueId;
    }
}
