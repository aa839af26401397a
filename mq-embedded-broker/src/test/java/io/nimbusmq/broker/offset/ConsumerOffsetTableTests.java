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

    @Test
    void writesNothingWhileNoOffsetWasCommitted() throws IOException {
        Path file = dir.resolve("config/consumerOffset.json");
        ConsumerOffsetTable table = new ConsumerOffsetTable(file);
        table.load();

        table.persist();

        assertThat(file).doesNotExist();
    }

    @Test
    void writesCommittedOffsetsAndReadsThemBack() throws IOException {
        Path file = dir.resolve("config/consumerOffset.json");
        ConsumerOffsetTable table = new ConsumerOffsetTable(file);
        table.load();
        table.commit("g1", "T", 3, 42);

        table.persist();

        ConsumerOffsetTable reloaded = new ConsumerOffsetTable(file);
        reloaded.load();
        assertThat(reloaded.query("g1", "T", 3)).isEqualTo(42);
        assertThat(Files.readString(file)).contains("T@g1");
    }

    @Test
    void writesAgainOnlyAfterAChange() throws IOException {
        Path file = dir.resolve("config/consumerOffset.json");
        ConsumerOffsetTable table = new ConsumerOffsetTable(file);
        table.load();
        table.commit("g1", "T", 0, 5);
        table.persist();
        Files.delete(file);

        table.commit("g1", "T", 0, 5);
        table.persist();
        assertThat(file).as("the same offset committed again is no change").doesNotExist();

        table.commit("g1", "T", 0, 6);
        table.persist();
        ConsumerOffsetTable reloaded = new ConsumerOffsetTable(file);
        reloaded.load();
        assertThat(reloaded.query("g1", "T", 0)).isEqualTo(6);
    }

    @Test
    void aLoadedTableIsWrittenOnlyOnceItChanges() throws IOException {
        Path file = dir.resolve("config/consumerOffset.json");
        ConsumerOffsetTable first = new ConsumerOffsetTable(file);
        first.load();
        first.commit("g1", "T", 0, 5);
        first.persist();
        ConsumerOffsetTable loaded = new ConsumerOffsetTable(file);
        loaded.load();
        Files.delete(file);

        loaded.persist();
        assertThat(file).doesNotExist();

        loaded.removeGroup("g1");
        loaded.persist();
        ConsumerOffsetTable reloaded = new ConsumerOffsetTable(file);
        reloaded.load();
        assertThat(reloaded.query("g1", "T", 0)).isEqualTo(-1);
    }
}
