package io.nimbusmq.benchmark.scale;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small run of the whole benchmark against the standalone jar (built by the reactor before this module's
 * integration tests): 20,000 messages, three checkpoints, each with its kill -9 and restart.
 */
class ScaleBenchmarkIntegrationTests {

    @Test
    void aSmallRunReportsEveryFigureAndLosesNothing(@TempDir Path tmp) throws Exception {
        Path storeDir = tmp.resolve("store");
        ScaleSettings settings = new ScaleSettings(20_000, List.of(0L, 10_000L, 20_000L), 128, 8, storeDir, false,
                2, 64, 4, 1, 1, 2_000, 20, "256m", false, tmp.resolve("BENCHMARKS.md"), standaloneJar(),
                "test");

        String md = new ScaleBenchmark(settings).run();

        assertThat(md).contains("## Scale: the store filled to 20,000 messages");
        // the checkpoint table: its rows are the ones with the broker CPU per message
        List<String> rows = md.lines().filter(l -> l.matches("\\| [\\d,]+ \\| .* µs / .*")).toList();
        // the first checkpoint holds what the warm-up round wrote, the others at least their checkpoint
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1)).matches("\\| (1\\d|20),\\d{3} \\| .*");
        assertThat(rows.get(2)).matches("\\| (2\\d|30),\\d{3} \\| .*");
        assertThat(rows).allSatisfy(row -> assertThat(row).doesNotContain("n/a").doesNotContain("| 0 msg/s")
                .doesNotContain("NaN"));
        assertThat(md).containsPattern("\\*\\*(PASS|MISS)\\*\\* throughput within 10 %")
                .containsPattern("\\*\\*(PASS|MISS)\\*\\* recovery does not grow")
                .containsPattern("over 20 keys drawn from the whole store, 0 not found")
                .containsPattern("over \\d+ ids spread over the whole store, 0 not found")
                // the disk table: fill rate, store size, growth per message, commit log record
                .containsPattern("\\| \\d{2},\\d{3} \\| [\\d,]+ msg/s \\| [\\d,]+ MiB \\| .* "
                        + "\\| \\d+ / \\d+ / \\d+ / \\d+ B \\| \\d+ B \\|")
                .containsPattern(" 0 failed sends, [\\d,]+ in the topic at the end \\(after every kill -9\\): "
                        + "none lost; consume windows: 0 messages missing or read twice\\.");
        assertThat(storeDir).doesNotExist();
    }

    /** mq-embedded-broker's standalone jar next to this module. */
    private static Path standaloneJar() throws IOException {
        Path target = Path.of("..", "mq-embedded-broker", "target").toAbsolutePath().normalize();
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().endsWith("-standalone.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no standalone jar in " + target
                            + "; build with -pl mq-benchmark -am"));
        }
    }
}
