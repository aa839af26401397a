package io.nimbusmq.store.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import io.nimbusmq.store.recovery.RecoveredCommitLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsumeQueueTableTests {

    @TempDir
    Path root;

    @Test
    void loadFindsEveryTopicAndQueueOnDisk() throws IOException {
        ConsumeQueueTable table = new ConsumeQueueTable(root, new ConsumeQueueConfig(16));
        table.findOrCreate("A", 0).putEntry(0, 0, 10, 0);
        table.findOrCreate("A", 3).putEntry(0, 10, 10, 0);
        table.findOrCreate("B%x", 1).putEntry(0, 20, 10, 0);
        table.shutdown();

        ConsumeQueueTable loaded = new ConsumeQueueTable(root, new ConsumeQueueConfig(16));
        loaded.load();
        assertThat(loaded.topics()).containsExactlyInAnyOrder("A", "B%x");
        assertThat(loaded.find("A", 3).maxOffset()).isEqualTo(1);
        assertThat(loaded.find("A", 1)).isNull();
        loaded.shutdown();
    }

    @Test
    void recoverTruncatesEveryQueueToTheSafeOffset() throws IOException {
        ConsumeQueueTable table = new ConsumeQueueTable(root, new ConsumeQueueConfig(16));
        for (int i = 0; i < 10; i++) {
            table.findOrCreate("A", i % 2).putEntry(i / 2, i * 10L, 10, 0);
        }
        assertThat(table.recover(new RecoveredCommitLog(100, 50, List.of(), offset -> null))).isEqualTo(50);
        assertThat(table.find("A", 0).maxOffset()).isEqualTo(3);
        assertThat(table.find("A", 1).maxOffset()).isEqualTo(2);
        table.deleteTopic("A");
        assertThat(table.topics()).isEmpty();
        assertThat(root.resolve("consumequeue/A")).doesNotExist();
        table.shutdown();
    }
}
