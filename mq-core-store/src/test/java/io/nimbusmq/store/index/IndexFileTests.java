package io.nimbusmq.store.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.nimbusmq.store.file.SegmentAllocator;
import io.nimbusmq.store.file.StoreFileNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexFileTests {

    @TempDir
    Path dir;

    private IndexFile open(int slots, int entries) throws IOException {
        return IndexFile.open(dir.resolve(StoreFileNames.segmentName(0)), new IndexConfig(slots, entries),
                SegmentAllocator.zeroFill());
    }

    @Test
    void hashesTopicAndKeyAsTheirIndexKeyWithoutBuildingIt() {
        for (String[] topicAndKey : new String[][] {{"orders", "7F0000010F2A18B4AAC2"}, {"", ""}, {"t", "ключ"},
                {"%RETRY%group", "a#b"}}) {
            assertThat(IndexFile.keyHash(topicAndKey[0], '#', topicAndKey[1]))
                    .isEqualTo(IndexFile.keyHash(IndexService.indexKey(topicAndKey[0], topicAndKey[1])));
        }
    }

    @Test
    void findsEveryEntryOfAKeyNewestFirstDespiteCollisions() throws IOException {
        IndexFile file = open(2, 100);
        for (int i = 0; i < 20; i++) {
            file.put(i % 2 == 0 ? "T#even" : "T#odd-" + i, i * 100L, 1_000_000 + i * 1000L);
        }
        List<Long> out = new ArrayList<>();
        file.query("T#even", 0, Long.MAX_VALUE, 100, out);
        assertThat(out).containsExactly(1800L, 1600L, 1400L, 1200L, 1000L, 800L, 600L, 400L, 200L, 0L);
        assertThat(file.entryCount()).isEqualTo(20);
        assertThat(file.beginPhysicalOffset()).isZero();
        assertThat(file.endPhysicalOffset()).isEqualTo(1900);
        file.shutdown(true);
    }

    @Test
    void respectsTheTimeRangeAndTheResultLimit() throws IOException {
        IndexFile file = open(16, 100);
        for (int i = 0; i < 10; i++) {
            file.put("T#k", i, 1_000_000 + i * 10_000L);
        }
        List<Long> out = new ArrayList<>();
        file.query("T#k", 1_030_000, 1_050_000, 100, out);
        assertThat(out).containsExactly(5L, 4L, 3L);
        out.clear();
        file.query("T#k", 0, Long.MAX_VALUE, 2, out);
        assertThat(out).containsExactly(9L, 8L);
        file.shutdown(true);
    }

    @Test
    void refusesEntriesWhenFullAndSurvivesReopen() throws IOException {
        IndexFile file = open(4, 3);
        assertThat(file.put("T#a", 1, 1000)).isTrue();
        assertThat(file.put("T#b", 2, 1000)).isTrue();
        assertThat(file.put("T#c", 3, 1000)).isFalse();
        assertThat(file.isFull()).isTrue();
        file.flush();
        file.shutdown(false);

        IndexFile reopened = open(4, 3);
        List<Long> out = new ArrayList<>();
        reopened.query("T#b", 0, Long.MAX_VALUE, 10, out);
        assertThat(out).containsExactly(2L);
        assertThat(reopened.isFull()).isTrue();
        reopened.shutdown(true);
    }
}
