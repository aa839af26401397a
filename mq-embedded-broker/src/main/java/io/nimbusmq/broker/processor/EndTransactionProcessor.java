package io.nimbusmq.broker.processor;

import io.nimbusmq.broker.stats.BrokerStats;
import io.nimbusmq.message.MessageSysFlag;

import io.nimbusmq.broker.transaction.TransactionResolver;
import io.nimbusmq.remoting.dispatch.RequestContext;
import io.nimbusmq.remoting.dispatch.RequestProcessor;
import io.nimbusmq.remoting.protocol.HeaderFieldException;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.ResponseCode;
import io.nimbusmq.remoting.protocol.header.EndTransactionRequestHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * END_TRANSACTION (37): commit, roll back or leave open a transaction's half message
 * ({@link TransactionResolver}). Producers send it oneway, so a refusal is only logged; a two-way request gets the
 * outcome as its response. The store's future completes on a store thread, which answers, so no processor thread
 * waits for the disk.
 */
public final class EndTransactionProcessor implements RequestProcessor {

    private static final Logger log = LoggerFactory.getLogger(EndTransactionProcessor.class);

    private final TransactionResolver resolver;
    private final BrokerStats stats;

    /** @param stats counts committed and rolled-back transactions (the metrics endpoint) */
    public EndTransactionProcessor(TransactionResolver resolver, BrokerStats stats) {
        this.resolver = resolver;
        this.stats = stats;
    }

    @Override
    public RemotingCommand processRequest(RequestContext context, RemotingCommand request) {
        EndTransactionRequestHeader header;
        try {
            header = EndTransactionRequestHeader.readFrom(request);
        } catch (HeaderFieldException e) {
            log.warn("Bad END_TRANSACTION from {}: {}", context.remoteAddress(), e.getMessage());
            throw e;
        }
        resolver.end(header).whenComplete((resolution, error) -> {
            int code = error != null ? ResponseCode.SYSTEM_ERROR : resolution.code();
            String remark = error != null ? String.valueOf(error) : resolution.remark();
            if (code != ResponseCode.SUCCESS) {
                log.warn("END_TRANSACTION {} from {} (group {}, commitLogOffset {}, tranStateTableOffset {}, "
                        + "msgId {}, fromTransactionCheck {}) refused: {}", header.typeName(),
                        context.remoteAddress(), header.producerGroup(), header.commitLogOffset(),
                        header.tranStateTableOffset(), header.msgId(), header.fromTransactionCheck(), remark);
            } else {
                countEnded(header.commitOrRollback());
                log.debug("END_TRANSACTION {} of {} from {}{}", header.typeName(), header.msgId(),
                        context.remoteAddress(), remark == null ? "" : ": " + remark);
            }
            context.writeResponse(RemotingCommand.createResponse(request, code, remark));
        });
        return null;
    }

    private void countEnded(int type) {
        if (type == MessageSysFlag.TRANSACTION_COMMIT_TYPE || type == MessageSysFlag.TRANSACTION_ROLLBACK_TYPE) {
            stats.onTransactionEnd(type == MessageSysFlag.TRANSACTION_COMMIT_TYPE);
        }
    }
}
