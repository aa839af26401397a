package io.nimbusmq.benchmark.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownSectionTests {

    private final MarkdownSection section = new MarkdownSection("broker-comparison");

    @Test
    void replacesOnlyItsOwnSection() {
        String content = "# Benchmarks\n\nintro\n\n<!-- store:start -->\nstore\n<!-- store:end -->\n\n"
                + "<!-- broker-comparison:start -->\nold\n<!-- broker-comparison:end -->\n\ntail\n";

        String updated = section.replaceIn(content, "new body");

        assertThat(updated).isEqualTo("# Benchmarks\n\nintro\n\n<!-- store:start -->\nstore\n<!-- store:end -->\n\n"
                + "<!-- broker-comparison:start -->\nnew body\n<!-- broker-comparison:end -->\n\ntail\n");
    }

    @Test
    void appendsWhenAbsent() {
        assertThat(section.replaceIn("# Benchmarks\n", "body\n"))
                .isEqualTo("# Benchmarks\n\n<!-- broker-comparison:start -->\nbody\n<!-- broker-comparison:end -->\n");
    }

    @Test
    void rerunsAreStable(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("BENCHMARKS.md");
        Files.writeString(file, "# Benchmarks\n\nkept\n");

        section.writeTo(file, "first");
        section.writeTo(file, "second");

        String content = Files.readString(file);
        assertThat(content).contains("kept").contains("second").doesNotContain("first");
        assertThat(content.split("broker-comparison:start", -1)).hasSize(2);
    }

    @Test
    void createsTheFileIfNeeded(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("BENCHMARKS.md");

        section.writeTo(file, "body");

        assertThat(Files.readString(file)).startsWith("# Benchmarks\n").contains("body");
    }
}
