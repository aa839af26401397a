package io.nimbusmq.store.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.nimbusmq.store.file.StoreFileNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreCheckpointTests {

    @TempDir
    Path root;

    @Test
    void writeThenReadRoundTrips() throws IOException {
        new StoreCheckpoint(1234, 1000, 42).write(root);
        assertThat(StoreCheckpoint.read(root)).isEqualTo(new StoreCheckpoint(1234, 1000, 42));
        assertThat(StoreFileNames.tempFileFor(StoreFileNames.checkpointFile(root))).doesNotExist();
    }

    @Test
    void aMissingOrDamagedCheckpointReadsAsNone() throws IOException {
        assertThat(StoreCheckpoint.read(root)).isNull();
        new StoreCheckpoint(1234, 1000, 42).write(root);
        Path file = StoreFileNames.checkpointFile(root);
        byte[] bytes = Files.readAllBytes(file);
        bytes[3] ^= 0x10;
        Files.write(file, bytes);
        assertThat(StoreCheckpoint.read(root)).isNull();
        Files.write(file, new byte[5]);
        assertThat(StoreCheckpoint.read(root)).isNull();
    }
}
