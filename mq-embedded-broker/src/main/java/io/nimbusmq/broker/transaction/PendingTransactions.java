package io.nimbusmq.broker.transaction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.nimbusmq.message.MessageConst;
import io.nimbusmq.message.StoredMessage;
import io.nimbusmq.message.SystemTopics;

/**
 * The transactions still waiting for their producer, read the way a check pass reads them but changing nothing (for
 * tools: the console). From the check progress to the end of the half queue, a half message waits unless an op
 * message or a recent resolution settled it; copies made for checks count once, as their latest copy.
 */
public final class PendingTransactions {

    private static final int BATCH = 64;

    private final TransactionLog transactionLog;
    private final CheckProgress progress;
    private final ResolvedTransactions resolved;

    PendingTransactions(TransactionLog transactionLog, CheckProgress progress, ResolvedTransactions resolved) {
        this.transactionLog = transactionLog;
        this.progress = progress;
        this.resolved = resolved;
    }

    /**
     * A waiting transaction.
     *
     * @param half its latest copy in the half queue
     * @param checks checks sent so far
     */
    public record Waiting(String transactionId, String producerGroup, String realTopic, int checks,
            StoredMessage half) {
    }

    /**
     * @param waiting the waiting transactions, oldest first, at most the limit asked for
     * @param total how many wait among the half messages looked at
     * @param truncated whether more half messages exist than were looked at
     */
    public record Snapshot(List<Waiting> waiting, int total, boolean truncated) {
    }

    /** Looks at up to {@code maxScanned} half messages and returns up to {@code limit} waiting transactions. */
    public Snapshot list(int limit, int maxScanned) {
        long end = transactionLog.maxOffset(SystemTopics.TRANS_HALF_TOPIC);
        long start = Math.max(Math.max(progress.halfQueueOffset(),
                transactionLog.minOffset(SystemTopics.TRANS_HALF_TOPIC)), end - maxScanned);
        long opStart = Math.max(progress.opQueueOffset(), transactionLog.minOffset(SystemTopics.TRANS_OP_HALF_TOPIC));
        OpTable ops = OpTable.read(transactionLog, opStart, start);
        Map<String, Waiting> byTransaction = new LinkedHashMap<>();
        long next = start;
        while (next < end) {
            TransactionLog.Batch batch = transactionLog.read(SystemTopics.TRANS_HALF_TOPIC, next, BATCH);
            for (TransactionLog.Entry entry : batch.entries()) {
                if (entry.queueOffset() < end) {
                    consider(entry, ops, byTransaction);
                }
            }
            if (batch.nextQueueOffset() <= next) {
                break;
            }
            next = batch.nextQueueOffset();
        }
        List<Waiting> waiting = new ArrayList<>(byTransaction.values());
        waiting.sort(Comparator.comparingLong(w -> w.half().bornTimestamp()));
        boolean truncated = start > Math.max(progress.halfQueueOffset(),
                transactionLog.minOffset(SystemTopics.TRANS_HALF_TOPIC));
        return new Snapshot(waiting.stream().limit(limit).toList(), waiting.size(), truncated);
    }

    private void consider(TransactionLog.Entry entry, OpTable ops, Map<String, Waiting> byTransaction) {
        StoredMessage half = entry.message();
        String transactionId = HalfMessages.transactionId(half);
        boolean settled = ops.isResolved(entry.queueOffset()) || ops.isResolved(HalfMessages.parseLong(
                half.property(MessageConst.TRAN_PREPARED_QUEUE_OFFSET), -1))
                || transactionId != null && resolved.contains(transactionId)
                || HalfMessages.notAHalfMessage(half) != null;
        String key = transactionId != null ? transactionId : "offset-" + entry.queueOffset();
        if (settled) {
            byTransaction.remove(key);
            return;
        }
        byTransaction.put(key, new Waiting(transactionId, half.property(MessageConst.PGROUP),
                HalfMessages.realTopic(half), HalfMessages.checkTimes(half), half));
    }
}
