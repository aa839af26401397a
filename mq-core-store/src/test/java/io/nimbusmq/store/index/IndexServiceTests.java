package io.nimbusmq.store.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import io.nimbusmq.store.dispatch.DispatchRequest;
import io.nimbusmq.store.recovery.RecoveredCommitLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexServiceTests {

    @TempDir
    Path dir;

    private IndexService index;

    @BeforeEach
    void open() {
        index = new IndexService(dir, new IndexConfig(8, 5));
    }

    @AfterEach
    void close() {
        index.shutdown();
    }

    private static DispatchRequest request(String topic, long physicalOffset, String keys, String uniqKey) {
        return new DispatchRequest(topic, 0, 0, physicalOffset, 100, 0, 1_000_000 + physicalOffset, 0, keys,
                uniqKey);
    }

    @Test
    void indexesEveryKeyTokenAndTheUniqueKeyPerTopic() {
        index.dispatch(request("T", 0, "order-1 customer-7", "U0"));
        index.dispatch(request("Other", 100, "order-1", null));
        assertThat(index.query("T", "order-1", 10, 0, Long.MAX_VALUE)).containsExactly(0L);
        assertThat(index.query("T", "customer-7", 10, 0, Long.MAX_VALUE)).containsExactly(0L);
        assertThat(index.query("T", "U0", 10, 0, Long.MAX_VALUE)).containsExactly(0L);
        assertThat(index.query("Other", "order-1", 10, 0, Long.MAX_VALUE)).containsExactly(100L);
    }

    @Test
    void rollsFullFilesAndQueriesAcrossThem() {
        for (int i = 0; i < 12; i++) {
            index.dispatch(request("T", i * 100L, "k", null));
        }
        assertThat(index.fileCount()).isEqualTo(3);
        assertThat(index.query("T", "k", 100, 0, Long.MAX_VALUE)).hasSize(12).startsWith(1100L, 1000L);
    }

    @Test
    void redispatchOfIndexedMessagesIsIgnored() {
        index.dispatch(request("T", 0, "k", null));
        index.dispatch(request("T", 100, "k", null));
        index.dispatch(request("T", 0, "k", null));
        assertThat(index.query("T", "k", 100, 0, Long.MAX_VALUE)).containsExactly(100L, 0L);
    }

    @Test
    void deleteBelowKeepsTheNewestFile() {
        for (int i = 0; i < 12; i++) {
            index.dispatch(request("T", i * 100L, "k", null));
        }
        assertThat(index.deleteBelow(500)).isEqualTo(1);
        assertThat(index.query("T", "k", 100, 0, Long.MAX_VALUE)).hasSize(8);
        assertThat(index.deleteBelow(Long.MAX_VALUE)).isEqualTo(1);
        assertThat(index.fileCount()).isEqualTo(1);
    }

    @Test
    void recoverDropsFilesPastTheCheckpointAndAsksToBeRefedFromTheirStart() throws IOException {
        for (int i = 0; i < 8; i++) {
            index.dispatch(request("T", i * 100L, "k", null));
        }
        index.flush();
        index.shutdown();
        index = new IndexService(dir, new IndexConfig(8, 5));
        index.load();
        assertThat(index.recover(new RecoveredCommitLog(800, 600, List.of(), offset -> null))).isEqualTo(400);
        assertThat(index.query("T", "k", 100, 0, Long.MAX_VALUE)).containsExactly(300L, 200L, 100L, 0L);
        for (int i = 4; i < 8; i++) {
            index.dispatch(request("T", i * 100L, "k", null));
        }
        assertThat(index.query("T", "k", 100, 0, Long.MAX_VALUE)).hasSize(8);
    }
}
