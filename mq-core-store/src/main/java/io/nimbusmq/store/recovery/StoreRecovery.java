package io.nimbusmq.store.recovery;

import java.util.List;
import java.util.function.LongConsumer;

import io.nimbusmq.store.commitlog.CommitLog;
import io.nimbusmq.store.file.MappedFile;
import io.nimbusmq.store.file.MappedFileQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a store back to a consistent state at start-up. One {@link #load()} call, one result.
 *
 * <ol>
 * <li><b>Commit log.</b> After a clean stop, validation starts at the checkpoint's flushed offset (where the last
 * run ended). After an unclean stop it starts at the beginning of the segment that holds the checkpoint (or the
 * oldest segment without a checkpoint), so the whole tail is re-validated; a segment that was found cut short (and
 * restored to its size by {@link MappedFileQueue#load()}) is validated from its start either way. Every record is
 * checked for magic, size, physical offset, body CRC and record CRC ({@link CommitLogScanner}). Damaged bytes
 * followed by valid records are a damaged range: skipped, logged with their size and the records lost, and every
 * record after them kept. Damaged or unwritten bytes with nothing valid after them end the log: it is cut there and
 * stale bytes after the cut are zeroed. Nothing damaged is ever served.</li>
 * <li><b>Derived structures.</b> Each {@link RecoveryParticipant} drops what it cannot trust, stops pointing into
 * damaged ranges, and names the offset it must be re-fed from.</li>
 * <li><b>Re-dispatch.</b> The commit log from the smallest of those offsets up to the valid end is dispatched again
 * through the regular dispatchers, which are idempotent and pass over the damaged ranges.</li>
 * </ol>
 */
public final class StoreRecovery {

    private static final Logger log = LoggerFactory.getLogger(StoreRecovery.class);

    private final CommitLog commitLog;
    private final StoreCheckpoint checkpoint;
    private final boolean cleanShutdown;
    private final List<RecoveryParticipant> participants;
    private final LongConsumer redispatch;

    /**
     * @param checkpoint the last checkpoint, or null if there is none
     * @param redispatch dispatches the commit log from the given offset up to its current end
     */
    public StoreRecovery(CommitLog commitLog, StoreCheckpoint checkpoint, boolean cleanShutdown,
            List<RecoveryParticipant> participants, LongConsumer redispatch) {
        this.commitLog = commitLog;
        this.checkpoint = checkpoint;
        this.cleanShutdown = cleanShutdown;
        this.participants = List.copyOf(participants);
        this.redispatch = redispatch;
    }

    public RecoveryResult load() {
        long started = System.nanoTime();
        MappedFileQueue files = commitLog.files();
        long minOffset = files.minOffset();
        List<MappedFile> segments = files.segments();
        long scanFrom = scanStart(segments, minOffset);
        CommitLogScanner.ScanResult scan = CommitLogScanner.scan(segments, scanFrom);
        long validEnd = scan.validEnd();
        long staleEnd = CommitLogScanner.staleDataEnd(segments, validEnd);
        files.truncateTo(validEnd, staleEnd > validEnd);
        long truncated = Math.max(0, staleEnd - validEnd);
        if (truncated > 0) {
            log.warn("Commit log cut at {}: {} ({} bytes of torn or damaged data dropped, and the rest of the segment "
                    + "zeroed)", validEnd, scan.stopReason(), truncated);
        }
        scan.damaged().forEach(range -> commitLog.damaged().add(range, "recovery"));
        commitLog.trustFrom(scanFrom);

        long dispatchSafe = checkpoint == null ? minOffset
                : Math.max(minOffset, Math.min(checkpoint.dispatchSafeOffset(), validEnd));
        RecoveredCommitLog recovered = new RecoveredCommitLog(validEnd, dispatchSafe, scan.damaged(),
                commitLog::recordMetaAt);
        long redispatchFrom = dispatchSafe;
        for (RecoveryParticipant participant : participants) {
            redispatchFrom = Math.min(redispatchFrom, participant.recover(recovered));
        }
        redispatchFrom = Math.max(redispatchFrom, minOffset);
        redispatch.accept(redispatchFrom);
        long millis = (System.nanoTime() - started) / 1_000_000;
        RecoveryResult result = new RecoveryResult(cleanShutdown, scanFrom, validEnd, truncated, scan.stopReason(),
                scan.damaged(), redispatchFrom, millis);
        log.info("Store recovered: {}", result);
        return result;
    }

    private long scanStart(List<MappedFile> segments, long minOffset) {
        long start = checkpointScanStart(segments, minOffset);
        for (long restored : commitLog.files().restoredSegments()) {
            start = Math.min(start, restored);
        }
        return start;
    }

    private long checkpointScanStart(List<MappedFile> segments, long minOffset) {
        if (segments.isEmpty() || checkpoint == null) {
            return minOffset;
        }
        long checkpointOffset = Math.min(checkpoint.commitLogFlushedOffset(), checkpoint.dispatchSafeOffset());
        if (checkpointOffset < minOffset) {
            return minOffset;
        }
        if (cleanShutdown) {
            return checkpoint.commitLogFlushedOffset() >= minOffset ? checkpoint.commitLogFlushedOffset() : minOffset;
        }
        for (MappedFile segment : segments) {
            if (checkpointOffset < segment.fileFromOffset() + segment.fileSize()) {
                return segment.fileFromOffset();
            }
        }
        return segments.get(segments.size() - 1).fileFromOffset();
    }
}
