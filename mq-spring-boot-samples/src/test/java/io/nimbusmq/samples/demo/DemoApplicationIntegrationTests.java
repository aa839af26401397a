package io.nimbusmq.samples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Runs the one-command demo end to end, as {@code java -jar ...-demo.jar} does, and reads its summary. */
class DemoApplicationIntegrationTests {

    @Test
    void theDemoRunsEveryModeAndExitsZero() {
        DemoResult result = DemoApplication.run("--samples.demo.timeout=120s");

        assertThat(result.summary()).as(String.join("\n", result.summary()))
                .noneMatch(line -> line.startsWith("FAIL"))
                .anyMatch(line -> line.startsWith("OK   order ") && line.contains(" 0 failed"))
                .anyMatch(line -> line.startsWith("OK   shipments     3/3"))
                .anyMatch(line -> line.startsWith("OK   eu-priority   1/1"))
                .anyMatch(line -> line.startsWith("OK   tracking      8/8"))
                .anyMatch(line -> line.startsWith("OK   status-board  8/8"))
                .anyMatch(line -> line.startsWith("OK   reminders     2/2"))
                .anyMatch(line -> line.startsWith("OK   labels        3/3"))
                .anyMatch(line -> line.startsWith("OK   warehouse     2/2"))
                .anyMatch(line -> line.startsWith("OK   quotes        2/2"))
                .anyMatch(line -> line.startsWith("OK   customs       2/2"))
                .anyMatch(line -> line.startsWith("OK   dead-letters  1/1"))
                .anyMatch(line -> line.startsWith("OK   transactions"))
                .anyMatch(line -> line.startsWith("OK   replies       2/2"));
        assertThat(result.summary().get(result.summary().size() - 1)).startsWith("RESULT: OK");
        assertThat(result.success()).isTrue();
        assertThat(result.exitCode()).isZero();
    }

    @Test
    void theDemoFailsWithExitCodeOneWhenAListenerMissesItsMessages() {
        DemoResult result = DemoApplication.run("--mq.listeners.logistics-labels.enabled=false",
                "--samples.demo.timeout=5s");

        assertThat(result.summary()).as(String.join("\n", result.summary()))
                .anyMatch(line -> line.startsWith("FAIL labels        0/3") && line.contains("MISSING"));
        assertThat(result.summary().get(result.summary().size() - 1)).startsWith("RESULT: FAILED");
        assertThat(result.exitCode()).isEqualTo(1);
    }
}
