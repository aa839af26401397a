package io.nimbusmq.broker.transaction;

import java.time.Clock;

import io.nimbusmq.message.MessageConst;
import io.nimbusmq.message.StoredMessage;
import io.nimbusmq.message.SystemTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One check pass over the half queue, RocketMQ's {@code TransactionalMessageServiceImpl.check} in our terms. From the
 * saved {@link CheckProgress}, half messages are taken in queue order:
 *
 * <ol>
 * <li>resolved ones (an op message names their offset, or their transaction was resolved through another copy) are
 * passed;</li>
 * <li>one already checked {@code checkMax} times is moved to {@value HalfMessages#CHECK_MAX_TIME_TOPIC};</li>
 * <li>the pass stops at the first one younger than the timeout (later ones are younger still), except that one
 * whose own {@code CHECK_IMMUNITY_TIME_IN_SECONDS} has not passed is appended again and passed;</li>
 * <li>any other is appended again with its check count raised, and its producer group is asked about the copy.
 * The copy is what the next pass finds if nobody answers.</li>
 * </ol>
 * Age is measured from the earlier of born and store time, on the broker's clock: a producer whose clock runs ahead
 * neither delays its checks nor has them sent at once. The pass ends at the queue's end as it was when the pass
 * began, so its own copies wait for the next pass, then saves its progress.
 *
 * <p>Runs on the check service's thread only.
 */
public final class HalfQueueScanner {

    private static final Logger log = LoggerFactory.getLogger(HalfQueueScanner.class);
    private static final int BATCH = 32;

    private final TransactionLog transactionLog;
    private final CheckProgress progress;
    private final ResolvedTransactions resolved;
    private final CheckRequestSender sender;
    private final TransactionConfig config;
    private final Clock clock;

    HalfQueueScanner(TransactionLog transactionLog, CheckProgress progress, ResolvedTransactions resolved,
            CheckRequestSender sender, TransactionConfig config, Clock clock) {
        this.transactionLog = transactionLog;
        this.progress = progress;
        this.resolved = resolved;
        this.sender = sender;
        this.config = config;
        this.clock = clock;
    }

    /**
     * What one pass did.
     *
     * @param checked checks sent
     * @param unreachable checks due whose producer group had nobody online (counted as checks, as in RocketMQ)
     * @param discarded half messages moved to the check-max topic
     * @param resolved half messages found resolved
     * @param deferred half messages appended again because of their own immunity time
     * @param halfQueueOffset where the next pass starts in the half queue
     * @param opQueueOffset where the next pass starts in the op queue
     */
    public record ScanResult(int checked, int unreachable, int discarded, int resolved, int deferred,
            long halfQueueOffset, long opQueueOffset) {
    }

    private enum Step { NEXT, STOP }

    public ScanResult scan() {
        long nowMillis = clock.millis();
        long halfEnd = transactionLog.maxOffset(SystemTopics.TRANS_HALF_TOPIC);
        long halfStart = Math.max(progress.halfQueueOffset(), transactionLog.minOffset(SystemTopics.TRANS_HALF_TOPIC));
        long opStart = Math.max(progress.opQueueOffset(), transactionLog.minOffset(SystemTopics.TRANS_OP_HALF_TOPIC));
        if (halfStart >= halfEnd) {
            return new ScanResult(0, 0, 0, 0, 0, halfStart, opStart);
        }
        OpTable ops = OpTable.read(transactionLog, opStart, halfStart);
        Counts counts = new Counts();
        long next = halfStart;
        scanning:
        while (next < halfEnd) {
            TransactionLog.Batch batch = transactionLog.read(SystemTopics.TRANS_HALF_TOPIC, next, BATCH);
            for (TransactionLog.Entry entry : batch.entries()) {
                if (entry.queueOffset() >= halfEnd || examine(entry, ops, nowMillis, counts) == Step.STOP) {
                    break scanning;
                }
                next = entry.queueOffset() + 1;
            }
            if (batch.nextQueueOffset() <= next && batch.entries().isEmpty()) {
                break;
            }
            next = Math.min(Math.max(next, batch.nextQueueOffset()), halfEnd);
        }
        long opNext = ops.nextOpQueueOffset(next);
        if (next != progress.halfQueueOffset() || opNext != progress.opQueueOffset()) {
            progress.update(next, opNext);
        }
        return new ScanResult(counts.checked, counts.unreachable, counts.discarded, counts.resolved, counts.deferred,
                next, opNext);
    }

    private Step examine(TransactionLog.Entry entry, OpTable ops, long nowMillis, Counts counts) {
        StoredMessage half = entry.message();
        String transactionId = HalfMessages.transactionId(half);
        if (ops.isResolved(entry.queueOffset()) || ops.isResolved(HalfMessages.parseLong(
                half.property(MessageConst.TRAN_PREPARED_QUEUE_OFFSET), -1))) {
            counts.resolved++;
            return Step.NEXT;
        }
        if (transactionId != null && resolved.contains(transactionId)) {
            // resolved through another copy while this one waited: record it so that no later pass asks again
            transactionLog.writeOp(entry.queueOffset());
            counts.resolved++;
            return Step.NEXT;
        }
        String damage = HalfMessages.notAHalfMessage(half);
        if (damage != null) {
            log.warn("Skipping half queue offset {}: {}", entry.queueOffset(), damage);
            return Step.NEXT;
        }
        int checkTimes = HalfMessages.checkTimes(half);
        if (checkTimes >= config.checkMax()) {
            return discard(entry, half, checkTimes, counts);
        }
        long ageMillis = nowMillis - Math.min(half.bornTimestamp(), half.storeTimestamp());
        long immunityMillis = HalfMessages.immunityMillis(half, config.timeoutMillis());
        if (ageMillis < immunityMillis) {
            if (immunityMillis == config.timeoutMillis()) {
                return Step.STOP;
            }
            if (transactionLog.putAndLook(HalfMessages.immunityCopy(half)) == null) {
                return Step.STOP;
            }
            counts.deferred++;
            return Step.NEXT;
        }
        return check(half, checkTimes + 1, counts);
    }

    private Step discard(TransactionLog.Entry entry, StoredMessage half, int checkTimes, Counts counts) {
        if (!transactionLog.discard(half)) {
            return Step.STOP;
        }
        log.warn("Transaction {} of producer group {} (topic {}) unresolved after {} checks: moved to {}",
                HalfMessages.transactionId(half), half.property(MessageConst.PGROUP), HalfMessages.realTopic(half),
                checkTimes, SystemTopics.TRANS_CHECK_MAX_TIME_TOPIC);
        counts.discarded++;
        return Step.NEXT;
    }

    private Step check(StoredMessage half, int checkTimes, Counts counts) {
        StoredMessage copy = transactionLog.putAndLook(HalfMessages.checkCopy(half, checkTimes));
        if (copy == null) {
            return Step.STOP;
        }
        String group = half.property(MessageConst.PGROUP);
        if (sender.send(group, copy)) {
            log.debug("Check {} of transaction {} sent to producer group {}", checkTimes,
                    HalfMessages.transactionId(half), group);
            counts.checked++;
        } else {
            log.warn("Check {} of transaction {} not sent: no producer of group {} is online", checkTimes,
                    HalfMessages.transactionId(half), group);
            counts.unreachable++;
        }
        return Step.NEXT;
    }

    private static final class Counts {
        int checked;
        int unreachable;
        int discarded;
        int resolved;
        int deferred;
    }
}
