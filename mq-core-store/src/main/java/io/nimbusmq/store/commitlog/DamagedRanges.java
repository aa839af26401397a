package io.nimbusmq.store.commitlog;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ranges of the commit log whose bytes are damaged, found by recovery, by the dispatcher or by a read. Dispatch and
 * readers pass over them: nothing in a damaged range is indexed or delivered, and every record after it is.
 *
 * <p>Each range is logged once, at WARN, with its bounds, its size, the records lost in it and why it is damaged.
 * Ranges are kept in memory for the life of the store; the next start finds again those that recovery scans.
 * Thread-safe.
 */
public final class DamagedRanges {

    private static final Logger log = LoggerFactory.getLogger(DamagedRanges.class);

    /**
     * One damaged range.
     *
     * @param startOffset first damaged byte (where a record should have started)
     * @param endOffset where the next valid record (or the next segment) starts
     * @param lostRecords records lost in it, counted by the headers still recognisable (see
     *        {@link RecordResync#lostRecords})
     * @param reason what was wrong at {@code startOffset}
     */
    public record Range(long startOffset, long endOffset, int lostRecords, String reason) {

        public long sizeBytes() {
            return endOffset - startOffset;
        }

        public boolean contains(long offset) {
            return offset >= startOffset && offset < endOffset;
        }
    }

    private final ConcurrentSkipListMap<Long, Range> ranges = new ConcurrentSkipListMap<>();

    /**
     * Records a damaged range, found by {@code finder} ("recovery", "dispatch", "read"), and logs it; a range that
     * starts inside a known one is ignored.
     *
     * @return whether the range was new
     */
    public boolean add(Range range, String finder) {
        if (rangeAt(range.startOffset()) != null || ranges.putIfAbsent(range.startOffset(), range) != null) {
            return false;
        }
        log.warn("Commit log damaged at [{}, {}) ({} bytes, {} record(s) lost), found by {}: {}; skipped, the records "
                + "after it are kept", range.startOffset(), range.endOffset(), range.sizeBytes(), range.lostRecords(),
                finder, range.reason());
        return true;
    }

    /** The damaged range that holds {@code offset}, or null. */
    public Range rangeAt(long offset) {
        Map.Entry<Long, Range> floor = ranges.floorEntry(offset);
        return floor != null && floor.getValue().contains(offset) ? floor.getValue() : null;
    }

    /** Every range, by offset. */
    public List<Range> all() {
        return List.copyOf(ranges.values());
    }

    /** Records lost in all ranges. */
    public long lostRecords() {
        return ranges.values().stream().mapToLong(Range::lostRecords).sum();
    }
}
