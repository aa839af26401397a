package io.nimbusmq.store.recovery;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import io.nimbusmq.message.MessageCodec;
import io.nimbusmq.message.RecordCheck;
import io.nimbusmq.store.commitlog.DamagedRanges;
import io.nimbusmq.store.commitlog.RecordResync;
import io.nimbusmq.store.file.MappedFile;

/**
 * Walks commit log segments from an offset and finds where valid data ends, and what is damaged before that.
 *
 * <p>Every record's magic, size, physical offset, body CRC and record CRC is checked
 * ({@link MessageCodec#checkSealed}). At bytes that are not a valid record the scanner resynchronises: it looks for
 * the next position where a valid record starts ({@link RecordResync}), in this segment or a later one. If there is
 * one, the bytes in between are a damaged range and the walk goes on from there: a flipped byte costs the record it
 * is in, not the rest of the log. If there is none, valid data ends there (a torn tail).
 *
 * <p>In the last segment the search gives up after {@value #TAIL_ZERO_RUN_BYTES} bytes of zeros: that is unwritten
 * space, and every start would otherwise read the whole empty rest of the segment. Earlier segments are searched to
 * their end.
 */
final class CommitLogScanner {

    /** Zero bytes after which the last segment holds no more data. */
    static final int TAIL_ZERO_RUN_BYTES = 16 * 1024 * 1024;

    /** Where valid data ends, why, and the damaged ranges found before it. */
    record ScanResult(long validEnd, String stopReason, List<DamagedRanges.Range> damaged) {
    }

    /** A position in the segment list. */
    private record Position(int segment, int position) {
    }

    private CommitLogScanner() {
    }

    static ScanResult scan(List<MappedFile> segments, long fromOffset) {
        List<DamagedRanges.Range> damaged = new ArrayList<>();
        long offset = fromOffset;
        int i = 0;
        while (i < segments.size() && offset >= segments.get(i).fileFromOffset() + segments.get(i).fileSize()) {
            i++;
        }
        while (i < segments.size()) {
            MappedFile segment = segments.get(i);
            offset = Math.max(offset, segment.fileFromOffset());
            int position = (int) (offset - segment.fileFromOffset());
            RecordCheck check = MessageCodec.checkSealed(segment.wholeFileView(), position, segment.fileSize(),
                    offset);
            if (check.kind() == RecordCheck.Kind.MESSAGE) {
                offset += check.sizeBytes();
                continue;
            }
            if (check.kind() == RecordCheck.Kind.BLANK) {
                offset = segment.fileFromOffset() + segment.fileSize();
                i++;
                continue;
            }
            Position next = resync(segments, i, position + 1);
            String reason = check.kind() == RecordCheck.Kind.CORRUPT ? check.reason()
                    : i == segments.size() - 1 ? "end of data" : "zero bytes where a record should start";
            if (next == null) {
                return new ScanResult(offset, reason, damaged);
            }
            MappedFile resumed = segments.get(next.segment());
            long nextOffset = resumed.fileFromOffset() + next.position();
            damaged.add(new DamagedRanges.Range(offset, nextOffset, lostRecords(segments, offset, nextOffset),
                    reason));
            offset = nextOffset;
            i = next.segment();
        }
        return new ScanResult(offset, "end of data", damaged);
    }

    /** The next valid record at or after {@code from} in segment {@code index}, or in a later segment; or null. */
    private static Position resync(List<MappedFile> segments, int index, int from) {
        for (int i = index; i < segments.size(); i++) {
            MappedFile segment = segments.get(i);
            int zeroRun = i == segments.size() - 1 ? TAIL_ZERO_RUN_BYTES : Integer.MAX_VALUE;
            int found = RecordResync.nextRecord(segment.wholeFileView(), i == index ? from : 0, segment.fileSize(),
                    segment.fileFromOffset(), zeroRun);
            if (found >= 0) {
                return new Position(i, found);
            }
        }
        return null;
    }

    /** Records lost in [{@code from}, {@code to}), which may span segments. */
    private static int lostRecords(List<MappedFile> segments, long from, long to) {
        int lost = 0;
        for (MappedFile segment : segments) {
            long start = Math.max(from, segment.fileFromOffset());
            long end = Math.min(to, segment.fileFromOffset() + segment.fileSize());
            if (start < end) {
                lost += RecordResync.lostRecords(segment.wholeFileView(), (int) (start - segment.fileFromOffset()),
                        (int) (end - segment.fileFromOffset()), segment.fileFromOffset());
            }
        }
        return lost;
    }

    /**
     * End of the stale bytes that follow {@code validEnd} in its segment: the data recovery is about to cut. Stops
     * at 1 MiB of zeros, so it never walks a large, empty segment.
     */
    static long staleDataEnd(List<MappedFile> segments, long validEnd) {
        for (MappedFile segment : segments) {
            long from = segment.fileFromOffset();
            if (validEnd < from || validEnd >= from + segment.fileSize()) {
                continue;
            }
            ByteBuffer view = segment.wholeFileView();
            int zeroRun = 0;
            int lastNonZero = -1;
            for (int pos = (int) (validEnd - from); pos < segment.fileSize() && zeroRun < (1 << 20); pos++) {
                if (view.get(pos) != 0) {
                    lastNonZero = pos;
                    zeroRun = 0;
                } else {
                    zeroRun++;
                }
            }
            return lastNonZero < 0 ? validEnd : from + lastNonZero + 1;
        }
        return validEnd;
    }
}
