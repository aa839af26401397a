package io.nimbusmq.broker.auth.plain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reload rules, one check at a time ({@code checkForChange}, which the watcher thread runs every interval). */
class AclFileWatcherTests {

    private static final String ONE_USER = """
            accounts:
              - accessKey: first-user
                secretKey: first-secret
            """;
    private static final String TWO_USERS = ONE_USER + """
              - accessKey: second-user
                secretKey: second-secret
            """;

    @TempDir
    Path dir;
    private AclFileWatcher watcher;

    @AfterEach
    void close() {
        if (watcher != null) {
            watcher.close();
        }
    }

    @Test
    void aChangedFileReplacesTheRules() throws Exception {
        Path file = write(ONE_USER);
        watcher = new AclFileWatcher(file, 3_600_000).start();
        assertThat(watcher.current().users()).containsOnlyKeys("first-user");

        Files.writeString(file, TWO_USERS);
        watcher.checkForChange();

        assertThat(watcher.current().users()).containsOnlyKeys("first-user", "second-user");
    }

    @Test
    void anInvalidFileKeepsThePreviousRulesUntilFixed() throws Exception {
        Path file = write(TWO_USERS);
        watcher = new AclFileWatcher(file, 3_600_000).start();

        Files.writeString(file, ONE_USER + "  - accessKey: [broken\n");
        watcher.checkForChange();
        assertThat(watcher.current().users()).containsOnlyKeys("first-user", "second-user");

        Files.writeString(file, ONE_USER);
        watcher.checkForChange();
        assertThat(watcher.current().users()).containsOnlyKeys("first-user");
    }

    @Test
    void anEmptyFileIsARewriteInProgressAndKeepsTheRules() throws Exception {
        Path file = write(TWO_USERS);
        watcher = new AclFileWatcher(file, 3_600_000).start();

        Files.write(file, new byte[0]);
        watcher.checkForChange();
        assertThat(watcher.current().users()).as("truncated, not yet written").containsOnlyKeys("first-user",
                "second-user");

        Files.writeString(file, ONE_USER);
        watcher.checkForChange();
        assertThat(watcher.current().users()).containsOnlyKeys("first-user");
    }

    @Test
    void aDeletedFileLeavesNoUser() throws Exception {
        Path file = write(ONE_USER);
        watcher = new AclFileWatcher(file, 3_600_000).start();

        Files.delete(file);
        watcher.checkForChange();

        assertThat(watcher.current().users()).isEmpty();
    }

    @Test
    void aMissingOrInvalidFileFailsTheStart() throws Exception {
        assertThatThrownBy(() -> new AclFileWatcher(dir.resolve("missing.yml"), 100).start())
                .hasMessageContaining("missing.yml");
        Path invalid = write("accounts:\n  - accessKey: short\n    secretKey: tiny\n");
        assertThatThrownBy(() -> new AclFileWatcher(invalid, 100).start())
                .hasMessageContaining("length should longer than 6");
    }

    private Path write(String yaml) throws Exception {
        Path file = dir.resolve("plain_acl.yml");
        Files.writeString(file, yaml);
        return file;
    }
}
