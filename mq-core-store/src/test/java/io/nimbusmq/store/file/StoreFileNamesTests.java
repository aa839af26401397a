package io.nimbusmq.store.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class StoreFileNamesTests {

    @Test
    void segmentNamesAre20DigitOffsets() {
        assertThat(StoreFileNames.segmentName(0)).isEqualTo("00000000000000000000");
        assertThat(StoreFileNames.segmentName(1073741824L)).isEqualTo("00000000001073741824");
        assertThat(StoreFileNames.parseSegmentOffset("00000000001073741824")).isEqualTo(1073741824L);
        assertThat(StoreFileNames.isSegmentName("0000000000107374182")).isFalse();
        assertThatThrownBy(() -> StoreFileNames.parseSegmentOffset("checkpoint"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void layoutOfTheStoreDirectory() {
        Path root = Path.of("/data/store");
        assertThat(StoreFileNames.consumeQueueDir(root, "TopicA", 3))
                .isEqualTo(Path.of("/data/store/consumequeue/TopicA/3"));
        assertThat(StoreFileNames.commitLogDir(root)).isEqualTo(Path.of("/data/store/commitlog"));
        assertThat(StoreFileNames.tempFileFor(StoreFileNames.checkpointFile(root)))
                .isEqualTo(Path.of("/data/store/checkpoint.tmp"));
    }
}
