package io.nimbusmq.store.retention;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reports how full the disk that holds the store is, as a ratio in [0, 1]. Replaceable in tests. */
@FunctionalInterface
public interface DiskUsageProbe {

    double usedRatio(Path storeRoot) throws IOException;

    static DiskUsageProbe fileStore() {
        return root -> {
            FileStore store = Files.getFileStore(root);
            long total = store.getTotalSpace();
            return total <= 0 ? 0 : 1.0 - (double) store.getUsableSpace() / total;
        };
    }
}
