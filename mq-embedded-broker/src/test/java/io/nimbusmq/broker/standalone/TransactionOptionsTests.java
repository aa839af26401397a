package io.nimbusmq.broker.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import io.nimbusmq.broker.transaction.TransactionConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standalone launcher's transaction settings: RocketMQ's defaults, from a file, overridden on the command line. */
class TransactionOptionsTests {

    @Test
    void withoutSettingsTheDefaultsAreRocketMqs() throws Exception {
        TransactionConfig transaction = LauncherOptions.parse(new String[0]).broker().transaction();

        assertThat(transaction).isEqualTo(new TransactionConfig(30_000, 6_000, 15));
    }

    @Test
    void aFileSetsThemAndTheCommandLineWins(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("broker.yml"), """
                transaction-check-interval-millis: 60000
                transaction-timeout-millis: 10000
                transaction-check-max: 5
                """);

        TransactionConfig transaction = LauncherOptions.parse(new String[] {"--config", file.toString(),
                "--transaction-check-max", "7"}).broker().transaction();

        assertThat(transaction).isEqualTo(new TransactionConfig(60_000, 10_000, 7));
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> LauncherOptions.parse(new String[] {"--transaction-check-max", "0"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("checkMax");
    }
}
