package io.nimbusmq.client.internal.offset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import io.nimbusmq.remoting.protocol.body.client.MessageQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFileOffsetStoreTests {

    @TempDir
    Path dir;

    @Test
    void persistedOffsetsAreReadBackByANewStore() {
        MessageQueue queue = new MessageQueue("T", "b", 1);
        LocalFileOffsetStore store = new LocalFileOffsetStore(dir.resolve("g").resolve("offsets.json"));
        assertThat(store.readFromStore(queue)).isEqualTo(-1);
        store.update(queue, 10, true);
        store.update(queue, 7, true);
        assertThat(store.readFromMemory(queue)).isEqualTo(10);
        store.persistAll(List.of(queue));

        LocalFileOffsetStore reopened = new LocalFileOffsetStore(dir.resolve("g").resolve("offsets.json"));
        assertThat(reopened.readFromStore(queue)).isEqualTo(10);
        assertThat(reopened.readFromStore(new MessageQueue("T", "b", 2))).isEqualTo(-1);
    }
}
