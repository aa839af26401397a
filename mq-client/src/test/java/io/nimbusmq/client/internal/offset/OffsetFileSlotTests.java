package io.nimbusmq.client.internal.offset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import io.nimbusmq.remoting.protocol.body.client.MessageQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OffsetFileSlotTests {

    @TempDir
    Path dir;

    @Test
    void aLiveClaimMakesTheNextConsumerUseTheNextSlotAndAReleasedOneIsClaimedAgain() {
        try (OffsetFileSlot first = OffsetFileSlot.claim(dir.resolve("g"), "svc");
                OffsetFileSlot second = OffsetFileSlot.claim(dir.resolve("g"), "svc")) {
            assertThat(first.offsetFile()).isEqualTo(dir.resolve("g").resolve("svc").resolve("offsets.json"));
            assertThat(second.offsetFile()).isEqualTo(dir.resolve("g").resolve("svc-2").resolve("offsets.json"));
        }
        try (OffsetFileSlot again = OffsetFileSlot.claim(dir.resolve("g"), "svc")) {
            assertThat(again.directory()).isEqualTo(dir.resolve("g").resolve("svc"));
        }
    }

    @Test
    void namesAreMadeSafeForFileNames() {
        assertThat(OffsetFileSlot.safe("10.0.0.1@order-service")).isEqualTo("10.0.0.1@order-service");
        assertThat(OffsetFileSlot.safe("a/b:c d")).isEqualTo("a_b_c_d");
        assertThat(OffsetFileSlot.safe("..")).isEqualTo("_..");
    }

    @Test
    void aStoreOpenedUnderTheSameNameAfterCloseReadsWhatTheFirstPersisted() {
        MessageQueue queue = new MessageQueue("T", "b", 0);
        LocalFileOffsetStore first = LocalFileOffsetStore.open(dir, "g", "svc");
        first.update(queue, 42, true);
        first.persistAll(List.of(queue));
        LocalFileOffsetStore concurrent = LocalFileOffsetStore.open(dir, "g", "svc");
        assertThat(concurrent.readFromStore(queue)).isEqualTo(-1); // its own file, svc-2
        concurrent.close();
        first.close();

        LocalFileOffsetStore restarted = LocalFileOffsetStore.open(dir, "g", "svc");
        assertThat(restarted.file()).isEqualTo(dir.resolve("g").resolve("svc").resolve("offsets.json"));
        assertThat(restarted.readFromStore(queue)).isEqualTo(42);
        restarted.close();
    }
}
