package io.nimbusmq.broker.offset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsumerOffsetTableTests {

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("config/consumerOffset.json");
    }

    /** A table on {@link #file()}, loaded as a start loads it. */
    private ConsumerOffsetTable loaded() throws IOException {
        ConsumerOffsetTable table = new ConsumerOffsetTable(file());
        table.load();
        return table;
    }

    @Test
    void writesNothingWhileNoOffsetWasCommitted() throws IOException {
        Path file = file();
        ConsumerOffsetTable table = loaded();

        table.persist();

        assertThat(file).doesNotExist();
    }

    @Test
    void writesCommittedOffsetsAndReadsThemBack() throws IOException {
        Path file = file();
        ConsumerOffsetTable table = loaded();
        table.commit("g1", "T", 3, 42);

        table.persist();

        ConsumerOffsetTable reloaded = loaded();
        assertThat(reloaded.query("g1", "T", 3)).isEqualTo(42);
        assertThat(Files.readString(file)).contains("T@g1");
    }

    @Test
    void writesAgainOnlyAfterAChange() throws IOException {
        Path file = file();
        ConsumerOffsetTable table = loaded();
        table.commit("g1", "T", 0, 5);
        table.persist();
        Files.delete(file);

        table.commit("g1", "T", 0, 5);
        table.persist();
        assertThat(file).as("the same offset committed again is no change").doesNotExist();

        table.commit("g1", "T", 0, 6);
        table.persist();
        ConsumerOffsetTable reloaded = loaded();
        assertThat(reloaded.query("g1", "T", 0)).isEqualTo(6);
    }

    @Test
    void aLoadedTableIsWrittenOnlyOnceItChanges() throws IOException {
        Path file = file();
        ConsumerOffsetTable first = loaded();
        first.commit("g1", "T", 0, 5);
        first.persist();
        ConsumerOffsetTable loaded = loaded();
        Files.delete(file);

        loaded.persist();
        assertThat(file).doesNotExist();

        loaded.removeGroup("g1");
        loaded.persist();
        ConsumerOffsetTable reloaded = loaded();
        assertThat(reloaded.query("g1", "T", 0)).isEqualTo(-1);
    }
}
