package io.nimbusmq.store.recovery;

import java.nio.ByteBuffer;
import java.util.List;

import io.nimbusmq.message.MessageCodec;
import io.nimbusmq.message.RecordCheck;
import io.nimbusmq.store.file.MappedFile;

/**
 * Walks commit log segments from an offset and finds where valid data ends: every record's magic, size, physical
 * offset, body CRC and record CRC is checked ({@link MessageCodec#checkSealed}); the walk stops at unwritten space or
 * at the first damaged record.
 */
final class CommitLogScanner {

    /** Where the scan stopped, and why. */
    record ScanResult(long validEnd, String stopReason) {
    }

    private CommitLogScanner() {
    }

    static ScanResult scan(List<MappedFile> segments, long fromOffset) {
        long offset = fromOffset;
        for (int i = 0; i < segments.size(); i++) {
            MappedFile segment = segments.get(i);
            long segmentEnd = segment.fileFromOffset() + segment.fileSize();
            if (offset >= segmentEnd) {
                continue;
            }
            if (offset < segment.fileFromOffset()) {
                offset = segment.fileFromOffset();
            }
            ByteBuffer view = segment.wholeFileView();
            int position = (int) (offset - segment.fileFromOffset());
            while (true) {
                RecordCheck check = MessageCodec.checkSealed(view, position, segment.fileSize(), offset);
                if (check.kind() == RecordCheck.Kind.MESSAGE) {
                    position += check.sizeBytes();
                    offset += check.sizeBytes();
                } else if (check.kind() == RecordCheck.Kind.BLANK) {
                    offset = segmentEnd;
                    break;
                } else {
                    boolean lastSegment = i == segments.size() - 1;
                    String reason = check.kind() == RecordCheck.Kind.END
                            ? (lastSegment ? "end of data" : "segment ends without a blank record")
                            : check.reason();
                    return new ScanResult(offset, reason);
                }
            }
        }
        return new ScanResult(offset, "end of data");
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
