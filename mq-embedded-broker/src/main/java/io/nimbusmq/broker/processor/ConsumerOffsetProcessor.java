package io.nimbusmq.broker.processor;

import io.nimbusmq.broker.offset.ConsumerOffsetTable;
import io.nimbusmq.remoting.dispatch.RequestContext;
import io.nimbusmq.remoting.dispatch.RequestProcessor;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.ResponseCode;
import io.nimbusmq.store.MessageStore;
import io.nimbusmq.store.read.BoundaryType;

/**
 * Offsets: QUERY_CONSUMER_OFFSET (14), UPDATE_CONSUMER_OFFSET (15), SEARCH_OFFSET_BY_TIMESTAMP (29), GET_MAX_OFFSET
 * (30), GET_MIN_OFFSET (31) and GET_EARLIEST_MSG_STORETIME (32).
 */
public final class ConsumerOffsetProcessor implements RequestProcessor {

    private final MessageStore store;
    private final ConsumerOffsetTable offsets;

    public ConsumerOffsetProcessor(MessageStore store, ConsumerOffsetTable offsets) {
        this.store = store;
        this.offsets = offsets;
    }

    @Override
    public RemotingCommand processRequest(RequestContext context, RemotingCommand request) {
        return switch (request.code()) {
            case RequestCode.QUERY_CONSUMER_OFFSET -> queryConsumerOffset(request);
            case RequestCode.UPDATE_CONSUMER_OFFSET -> updateConsumerOffset(request);
            case RequestCode.SEARCH_OFFSET_BY_TIMESTAMP -> searchByTimestamp(request);
            case RequestCode.GET_MAX_OFFSET -> withOffset(request,
                    store.maxOffsetInQueue(request.requiredString("topic"), request.requiredInt("queueId")));
            case RequestCode.GET_MIN_OFFSET -> withOffset(request,
                    store.minOffsetInQueue(request.requiredString("topic"), request.requiredInt("queueId")));
            case RequestCode.GET_EARLIEST_MSG_STORETIME -> success(request).putExtField("timestamp",
                    store.earliestMessageTime(request.requiredString("topic"), request.requiredInt("queueId")));
            default -> RemotingCommand.createResponse(request, ResponseCode.REQUEST_CODE_NOT_SUPPORTED,
                    " request type " + request.code() + " not supported");
        };
    }

    /**
     * A committed offset, or for a group that never committed one: 0 while the queue still holds its first message
     * (so a new group reads a young queue from the start, as RocketMQ does), otherwise QUERY_NOT_FOUND so that the
     * client applies its ConsumeFromWhere.
     */
    private RemotingCommand queryConsumerOffset(RemotingCommand request) {
        String group = request.requiredString("consumerGroup");
        String topic = request.requiredString("topic");
        int queueId = request.requiredInt("queueId");
        long offset = offsets.query(group, topic, queueId);
        if (offset >= 0) {
            return withOffset(request, offset);
        }
        boolean zeroIfNotFound = request.optionalBoolean("setZeroIfNotFound", true);
        if (zeroIfNotFound && store.minOffsetInQueue(topic, queueId) <= 0) {
            return withOffset(request, 0);
        }
        return RemotingCommand.createResponse(request, ResponseCode.QUERY_NOT_FOUND, "Not found, V3_0_6_SNAPSHOT maybe "
                + "this group consumer boot first");
    }

    private RemotingCommand updateConsumerOffset(RemotingCommand request) {
        offsets.commit(request.requiredString("consumerGroup"), request.requiredString("topic"),
                request.requiredInt("queueId"), request.requiredLong("commitOffset"));
        return success(request);
    }

    private RemotingCommand searchByTimestamp(RemotingCommand request) {
        String boundary = request.optionalString("boundaryType", "LOWER");
        BoundaryType type = "UPPER".equalsIgnoreCase(boundary) ? BoundaryType.UPPER : BoundaryType.LOWER;
        return withOffset(request, store.offsetForTimestamp(request.requiredString("topic"),
                request.requiredInt("queueId"), request.requiredLong("timestamp"), type));
    }

    private static RemotingCommand withOffset(RemotingCommand request, long offset) {
        return success(request).putExtField("offset", offset);
    }

    private static RemotingCommand success(RemotingCommand request) {
        return RemotingCommand.createResponse(request, ResponseCode.SUCCESS, null);
    }
}
