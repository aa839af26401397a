package io.nimbusmq.broker.transaction;

import java.util.concurrent.CompletableFuture;

import io.nimbusmq.broker.schedule.ScheduleRewriter;
import io.nimbusmq.message.MessageConst;
import io.nimbusmq.message.MessageSysFlag;
import io.nimbusmq.message.StoredMessage;
import io.nimbusmq.remoting.protocol.ResponseCode;
import io.nimbusmq.remoting.protocol.header.EndTransactionRequestHeader;
import io.nimbusmq.store.PutMessageResult;

/**
 * Ends transactions (END_TRANSACTION), as RocketMQ's {@code EndTransactionProcessor}:
 *
 * <ul>
 * <li>the half message is read at {@code commitLogOffset}; it must be a half message of the request's producer
 * group (PGROUP) at the request's half queue offset, else SYSTEM_ERROR says which;</li>
 * <li>commit: the committed message is stored in the real topic and queue ({@link HalfMessages#committed}), or,
 * when it carries DELAY or TIMER_* properties, in its waiting queue through the {@link ScheduleRewriter}, so that its
 * delay counts from the commit; then an op message records the half message as resolved;</li>
 * <li>rollback: only the op message;</li>
 * <li>unknown: nothing; the check-back will ask again.</li>
 * </ul>
 * A transaction resolved already (through another copy of its half message, {@link ResolvedTransactions}) only gets
 * the op message, so it is never stored twice. The op message is written after the committed message: a crash
 * between the two can get the transaction checked again (at least once, as in RocketMQ), never lost.
 */
public final class TransactionResolver {

    private final TransactionLog transactionLog;
    private final ResolvedTransactions resolved;
    private final ScheduleRewriter scheduler;

    TransactionResolver(TransactionLog transactionLog, ResolvedTransactions resolved, ScheduleRewriter scheduler) {
        this.transactionLog = transactionLog;
        this.resolved = resolved;
        this.scheduler = scheduler;
    }

    /**
     * The outcome of an END_TRANSACTION.
     *
     * @param code a {@link ResponseCode}
     * @param remark what happened, or why it failed
     */
    public record Resolution(int code, String remark) {

        static Resolution ok(String remark) {
            return new Resolution(ResponseCode.SUCCESS, remark);
        }

        public boolean isOk() {
            return code == ResponseCode.SUCCESS;
        }
    }

    public CompletableFuture<Resolution> end(EndTransactionRequestHeader request) {
        int type = request.commitOrRollback();
        if (type == MessageSysFlag.TRANSACTION_NOT_TYPE) {
            return done(Resolution.ok("transaction state unknown: left to the check-back"));
        }
        StoredMessage half = transactionLog.look(request.commitLogOffset());
        String problem = problemWith(half, request);
        if (problem != null) {
            return done(new Resolution(ResponseCode.SYSTEM_ERROR, problem));
        }
        String transactionId = HalfMessages.transactionId(half);
        Integer earlier = transactionId == null ? null : resolved.claim(transactionId, type);
        if (earlier != null) {
            String remark = "transaction " + transactionId + " was already resolved ("
                    + (earlier == MessageSysFlag.TRANSACTION_COMMIT_TYPE ? "commit" : "rollback") + ")";
            return recordResolved(half, remark);
        }
        if (type == MessageSysFlag.TRANSACTION_ROLLBACK_TYPE) {
            return recordResolved(half, null);
        }
        ScheduleRewriter.Decision committed = scheduler.rewrite(HalfMessages.committed(half));
        if (committed.refused()) {
            if (transactionId != null) {
                resolved.release(transactionId, type);
            }
            return done(new Resolution(committed.errorCode(), committed.remark()));
        }
        return transactionLog.put(committed.message()).thenCompose(result -> {
            if (!result.status().isStored()) {
                if (transactionId != null) {
                    resolved.release(transactionId, type);
                }
                return done(storeFailure(result));
            }
            return recordResolved(half, null);
        });
    }

    private CompletableFuture<Resolution> recordResolved(StoredMessage half, String remark) {
        return transactionLog.writeOp(half.queueOffset()).thenApply(stored -> stored ? Resolution.ok(remark)
                : new Resolution(ResponseCode.SYSTEM_ERROR, "could not record the resolution of half message "
                        + half.queueOffset() + "; it will be checked back"));
    }

    /** Why {@code half} is not the half message the request ends, or null. RocketMQ's remarks come first. */
    private static String problemWith(StoredMessage half, EndTransactionRequestHeader request) {
        if (half == null) {
            return "Find prepared transaction message failed: no message at commitLogOffset "
                    + request.commitLogOffset();
        }
        String notHalf = HalfMessages.notAHalfMessage(half);
        if (notHalf != null) {
            return "Find prepared transaction message failed: " + notHalf;
        }
        String group = half.property(MessageConst.PGROUP);
        if (!request.producerGroup().equals(group)) {
            return "The producer group wrong: the half message belongs to " + group + ", not "
                    + request.producerGroup();
        }
        if (half.queueOffset() != request.tranStateTableOffset()) {
            return "The transaction state table offset wrong: the half message at commitLogOffset "
                    + request.commitLogOffset() + " has queue offset " + half.queueOffset() + ", not "
                    + request.tranStateTableOffset();
        }
        return null;
    }

    private static Resolution storeFailure(PutMessageResult result) {
        int code = switch (result.status()) {
            case SERVICE_NOT_AVAILABLE -> ResponseCode.SERVICE_NOT_AVAILABLE;
            case MESSAGE_ILLEGAL, PROPERTIES_SIZE_EXCEEDED, TOPIC_ILLEGAL -> ResponseCode.MESSAGE_ILLEGAL;
            default -> ResponseCode.SYSTEM_ERROR;
        };
        return new Resolution(code, "could not store the committed message: " + result.status() + " "
                + result.remark());
    }

    private static CompletableFuture<Resolution> done(Resolution resolution) {
        return CompletableFuture.completedFuture(resolution);
    }
}
