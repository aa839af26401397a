package io.nimbusmq.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import io.nimbusmq.store.file.SegmentAllocator;
import io.nimbusmq.store.flush.FlushMode;
import org.junit.jupiter.api.Test;

class SegmentAllocatorsTests {

    private static final Path ROOT = Path.of("store");

    @Test
    void anEmbeddedStoreOnlyZeroFillsSoItNeverBindsTheCLibrary() {
        SegmentAllocators allocators = SegmentAllocators.forConfig(StoreConfig.embedded(ROOT));

        assertThat(allocators).isEqualTo(SegmentAllocators.all(SegmentAllocator.zeroFill()));
    }

    @Test
    void aProductionStoreFallocatesItsLargeFilesAndZeroFillsItsConsumeQueues() {
        SegmentAllocators allocators = SegmentAllocators.forConfig(StoreConfig.production(ROOT)
                .withFlushMode(FlushMode.ASYNC_FLUSH));

        assertThat(allocators.commitLog()).as("1 GiB segments").isSameAs(SegmentAllocator.standard());
        assertThat(allocators.index()).as("420 MB index files").isSameAs(SegmentAllocator.standard());
        assertThat(allocators.consumeQueues()).as("5.7 MiB files").isSameAs(SegmentAllocator.zeroFill());
    }

    @Test
    void underSyncFlushTheCommitLogIsZeroFilledWhateverItsSize() {
        SegmentAllocators allocators = SegmentAllocators.forConfig(StoreConfig.production(ROOT)
                .withFlushMode(FlushMode.SYNC_FLUSH));

        assertThat(allocators.commitLog()).isSameAs(SegmentAllocator.zeroFill());
        assertThat(allocators.index()).isSameAs(SegmentAllocator.standard());
    }

    @Test
    void theLimitIsInclusive() {
        assertThat(SegmentAllocators.forFileSize(SegmentAllocators.ZERO_FILL_MAX_BYTES))
                .isSameAs(SegmentAllocator.zeroFill());
        assertThat(SegmentAllocators.forFileSize(SegmentAllocators.ZERO_FILL_MAX_BYTES + 1))
                .isSameAs(SegmentAllocator.standard());
    }
}
