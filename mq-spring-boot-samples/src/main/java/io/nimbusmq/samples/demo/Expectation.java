package io.nimbusmq.samples.demo;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.nimbusmq.samples.logistics.LogisticsJournal;

/**
 * What one logistics listener must have received in a run: exactly {@code expected} (by key), nothing else of the
 * run.
 *
 * @param mode what the listener shows, for the summary
 */
public record Expectation(String listener, String mode, List<String> expected) {

    /** Expected keys that have not arrived yet. */
    public Set<String> missing(LogisticsJournal journal, String runId) {
        Set<String> missing = new LinkedHashSet<>(expected);
        missing.removeAll(journal.keys(listener, runId));
        return missing;
    }

    /** Keys of the run that arrived but were not expected (a selector or a rollback that let one through). */
    public Set<String> unexpected(LogisticsJournal journal, String runId) {
        Set<String> unexpected = new LinkedHashSet<>(journal.keys(listener, runId));
        expected.forEach(unexpected::remove);
        return unexpected;
    }
}
