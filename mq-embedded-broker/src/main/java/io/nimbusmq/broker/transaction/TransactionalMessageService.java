package io.nimbusmq.broker.transaction;

import java.time.Clock;

import io.nimbusmq.broker.offset.ConsumerOffsetTable;
import io.nimbusmq.broker.schedule.ScheduleRewriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's transactional messages, wired: the {@link TransactionResolver} behind END_TRANSACTION and the
 * check-back ({@link TransactionCheckService} running {@link HalfQueueScanner} passes). Half messages enter through
 * the send path ({@link HalfMessages#storeAsHalf}).
 *
 * <pre>
 * producer --SEND TRAN_MSG=true--> half queue (invisible)
 * producer --END_TRANSACTION-----> commit: real topic + op | rollback: op | unknown: nothing
 * check pass, every interval ----> unresolved and older than the timeout: copy + CHECK_TRANSACTION_STATE to the group
 *                                  checked checkMax times: TRANS_CHECK_MAX_TIME_TOPIC
 * </pre>
 */
public final class TransactionalMessageService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TransactionalMessageService.class);

    private final TransactionResolver resolver;
    private final HalfQueueScanner scanner;
    private final TransactionCheckService checkService;
    private final PendingTransactions pending;

    /**
     * @param offsets where the check progress is kept (group {@value CheckProgress#GROUP})
     * @param sender how checks reach a producer group
     * @param scheduler schedules committed messages that carry DELAY or TIMER_* properties
     */
    public TransactionalMessageService(TransactionLog transactionLog, ConsumerOffsetTable offsets,
            CheckRequestSender sender, TransactionConfig config, Clock clock, ScheduleRewriter scheduler) {
        ResolvedTransactions resolved = new ResolvedTransactions();
        this.resolver = new TransactionResolver(transactionLog, resolved, scheduler);
        this.scanner = new HalfQueueScanner(transactionLog, new CheckProgress(offsets), resolved, sender, config,
                clock);
        this.checkService = new TransactionCheckService(this::checkPass, clock, config.checkIntervalMillis());
        this.pending = new PendingTransactions(transactionLog, new CheckProgress(offsets), resolved);
    }

    public TransactionResolver resolver() {
        return resolver;
    }

    public TransactionCheckService checkService() {
        return checkService;
    }

    /** The transactions waiting for their producer, for tools. */
    public PendingTransactions pending() {
        return pending;
    }

    /** Starts the check-back; the first pass runs one interval from now. */
    public void start() {
        checkService.start();
    }

    public void shutdown() {
        checkService.shutdown();
    }

    @Override
    public void close() {
        shutdown();
    }

    private void checkPass() {
        HalfQueueScanner.ScanResult result = scanner.scan();
        if (result.checked() + result.unreachable() + result.discarded() + result.deferred() > 0) {
            log.info("Transaction check pass: {}", result);
        } else {
            log.debug("Transaction check pass: {}", result);
        }
    }
}
