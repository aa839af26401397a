package io.nimbusmq.benchmark.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class LoadSettingsTests {

    private static LoadSettings sample() {
        return new LoadSettings("127.0.0.1:9876", 4242, "official",
                List.of(Scenario.PRODUCE_SYNC, Scenario.CONSUME, Scenario.ROUND_TRIP), 32, 1024, 5, 15, 1_000_000,
                2000, 1024, 32, Path.of("/tmp/results.properties"));
    }

    @Test
    void survivesTheCommandLine() {
        LoadSettings settings = sample();

        assertThat(LoadSettings.parse(settings.toArgs().toArray(String[]::new))).isEqualTo(settings);
    }

    @Test
    void aMissingOptionIsNamed() {
        List<String> args = new java.util.ArrayList<>(sample().toArgs());
        int i = args.indexOf("--broker-pid");
        args.remove(i + 1);
        args.remove(i);

        assertThatThrownBy(() -> LoadSettings.parse(args.toArray(String[]::new))).hasMessageContaining("broker-pid");
    }

    @Test
    void rejectsBodiesTooSmallForTheHeader() {
        assertThatThrownBy(() -> new LoadSettings("a:1", 1, "official", List.of(Scenario.PRODUCE_SYNC), 1, 8, 0, 1, 1,
                1, 1, 1, Path.of("x"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void scenariosHaveIdsTopicsAndGroupsPerDriver() {
        assertThat(Scenario.byId("produce-async")).isEqualTo(Scenario.PRODUCE_ASYNC);
        assertThat(Scenario.PRODUCE_ASYNC.topic("official")).isEqualTo("bench_official_produce_async");
        assertThat(Scenario.PRODUCE_ASYNC.topic("nimbus")).isEqualTo("bench_nimbus_produce_async");
        assertThat(Scenario.CONSUME.group("official", "verify")).isEqualTo("bench_official_consume_verify");
        assertThatThrownBy(() -> Scenario.byId("produce")).hasMessageContaining("round-trip");
    }
}
