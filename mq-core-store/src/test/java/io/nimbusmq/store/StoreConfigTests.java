package io.nimbusmq.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import io.nimbusmq.store.commitlog.CommitLogConfig;
import io.nimbusmq.store.flush.FlushConfig;
import io.nimbusmq.store.flush.FlushMode;
import io.nimbusmq.store.index.IndexConfig;
import io.nimbusmq.store.queue.ConsumeQueueConfig;
import io.nimbusmq.store.retention.RetentionConfig;
import org.junit.jupiter.api.Test;

class StoreConfigTests {

    @Test
    void defaultsFollowRocketMq() {
        StoreConfig production = StoreConfig.production(Path.of("/data"));
        assertThat(production.commitLog().segmentSizeBytes()).isEqualTo(1 << 30);
        assertThat(production.commitLog().maxMessageSizeBytes()).isEqualTo(4 * 1024 * 1024);
        assertThat(production.consumeQueue().entriesPerSegment()).isEqualTo(300_000);
        assertThat(production.retention().fileReservedMillis()).isEqualTo(72L * 3600 * 1000);
        assertThat(production.retention().diskForceCleanRatio()).as("diskSpaceCleanForciblyRatio").isEqualTo(0.85);
        assertThat(production.flush().mode()).isEqualTo(FlushMode.ASYNC_FLUSH);
        assertThat(StoreConfig.embedded(Path.of("/data")).commitLog().segmentSizeBytes()).isEqualTo(64 << 20);
        assertThat(production.withFlushMode(FlushMode.SYNC_FLUSH).flush().mode()).isEqualTo(FlushMode.SYNC_FLUSH);
    }

    @Test
    void invalidValuesAreRejectedWhenBuilt() {
        assertThatThrownBy(() -> new CommitLogConfig(100, 10, 10)).hasMessageContaining("segmentSizeBytes");
        assertThatThrownBy(() -> new CommitLogConfig(4096, 10, 40_000)).hasMessageContaining("maxPropertiesSize");
        assertThatThrownBy(() -> new FlushConfig(FlushMode.SYNC_FLUSH, 0, 10, 10))
                .hasMessageContaining("asyncFlushIntervalMillis");
        assertThatThrownBy(() -> new ConsumeQueueConfig(1)).hasMessageContaining("entriesPerSegment");
        assertThatThrownBy(() -> new IndexConfig(0, 10)).hasMessageContaining("hashSlotsPerFile");
        assertThatThrownBy(() -> new RetentionConfig(1000, 0.9, 0.8, 1000, 1)).hasMessageContaining("diskFullRatio");
        assertThatThrownBy(() -> new StoreConfig(null, null, null, null, null, null))
                .isInstanceOf(NullPointerException.class);
    }
}
