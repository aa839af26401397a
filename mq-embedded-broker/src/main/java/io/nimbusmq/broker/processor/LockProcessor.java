package io.nimbusmq.broker.processor;

import io.nimbusmq.broker.client.RebalanceLockManager;
import io.nimbusmq.remoting.dispatch.RequestContext;
import io.nimbusmq.remoting.dispatch.RequestProcessor;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.ResponseCode;
import io.nimbusmq.remoting.protocol.body.RemotingJson;
import io.nimbusmq.remoting.protocol.body.client.LockBatchRequestBody;
import io.nimbusmq.remoting.protocol.body.client.LockBatchResponseBody;
import io.nimbusmq.remoting.protocol.body.client.MessageQueue;
import io.nimbusmq.remoting.protocol.body.client.UnlockBatchRequestBody;
import java.time.Clock;
import java.util.Objects;
import java.util.Set;

/**
 * Orderly consumers' queue locks (remoting-protocol.md §4.7): LOCK_BATCH_MQ (41) answers
 * {@code {"lockOKMQSet":[…]}} with the requested queues the client now holds; UNLOCK_BATCH_MQ (42), oneway during
 * rebalance and sync at shutdown, releases the client's own locks. No header; both bodies name the client and group.
 * {@code onlyThisBroker} is ignored: there are no replicas to ask.
 *
 * <p>Register it for {@link #requestCodes()}.
 */
public final class LockProcessor implements RequestProcessor {

    /** The codes this processor answers: 41 and 42. */
    public static int[] requestCodes() {
        return new int[] {RequestCode.LOCK_BATCH_MQ, RequestCode.UNLOCK_BATCH_MQ};
    }

    private final RebalanceLockManager locks;
    private final Clock clock;

    public LockProcessor(RebalanceLockManager locks, Clock clock) {
        this.locks = Objects.requireNonNull(locks, "locks");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public RemotingCommand processRequest(RequestContext context, RemotingCommand request) {
        return switch (request.code()) {
            case RequestCode.LOCK_BATCH_MQ -> lock(request);
            case RequestCode.UNLOCK_BATCH_MQ -> unlock(request);
            default -> RemotingCommand.createResponse(request, ResponseCode.REQUEST_CODE_NOT_SUPPORTED,
                    " request type " + request.code() + " not supported");
        };
    }

    private RemotingCommand lock(RemotingCommand request) {
        LockBatchRequestBody body = RemotingJson.decode(request.body(), LockBatchRequestBody.class);
        if (body.consumerGroup() == null || body.clientId() == null) {
            return missingClient(request);
        }
        Set<MessageQueue> held = locks.tryLockBatch(body.consumerGroup(), body.mqSet(), body.clientId(),
                clock.millis());
        return RemotingCommand.createResponse(request, ResponseCode.SUCCESS, null)
                .setBody(RemotingJson.encode(new LockBatchResponseBody(held)));
    }

    private RemotingCommand unlock(RemotingCommand request) {
        UnlockBatchRequestBody body = RemotingJson.decode(request.body(), UnlockBatchRequestBody.class);
        if (body.consumerGroup() == null || body.clientId() == null) {
            return missingClient(request);
        }
        locks.unlockBatch(body.consumerGroup(), body.mqSet(), body.clientId());
        return RemotingCommand.createResponse(request, ResponseCode.SUCCESS, null);
    }

    private static RemotingCommand missingClient(RemotingCommand request) {
        return RemotingCommand.createResponse(request, ResponseCode.SYSTEM_ERROR,
                "lock request without consumerGroup or clientId");
    }
}
