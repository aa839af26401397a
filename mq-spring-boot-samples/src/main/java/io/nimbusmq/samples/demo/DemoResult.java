package io.nimbusmq.samples.demo;

import java.time.Duration;
import java.util.List;

/**
 * The outcome of a demo run.
 *
 * @param summary the summary lines, as printed
 */
public record DemoResult(String runId, boolean success, List<String> summary, Duration took) {

    public int exitCode() {
        return success ? 0 : 1;
    }
}
