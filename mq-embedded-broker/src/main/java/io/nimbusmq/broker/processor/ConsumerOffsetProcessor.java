package io.nimbusmq.broker.processor;

import io.nimbusmq.broker.offset.ConsumerOffsetTable;
import io.nimbusmq.remoting.dispatch.RequestContext;
import io.nimbusmq.remoting.dispatch.RequestProcessor;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.ResponseCode;
import io.nimbusmq.remoting.protocol.header.GetEarliestMsgStoretimeResponseHeader;
import io.nimbusmq.remoting.protocol.header.GetMaxOffsetRequestHeader;
import io.nimbusmq.remoting.protocol.header.OffsetResponseHeader;
import io.nimbusmq.remoting.protocol.header.QueryConsumerOffsetRequestHeader;
import io.nimbusmq.remoting.protocol.header.SearchOffsetRequestHeader;
import io.nimbusmq.remoting.protocol.header.TopicQueueRequestHeader;
import io.nimbusmq.remoting.protocol.header.UpdateConsumerOffsetRequestHeader;
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
            case RequestCode.GET_MAX_OFFSET -> {
                GetMaxOffsetRequestHeader header = GetMaxOffsetRequestHeader.readFrom(request);
                yield withOffset(request, store.maxOffsetInQueue(header.topic(), header.queueId()));
            }
            case RequestCode.GET_MIN_OFFSET -> {
                TopicQueueRequestHeader header = TopicQueueRequestHeader.readFrom(request);
                yield withOffset(request, store.minOffsetInQueue(header.topic(), header.queueId()));
            }
            case RequestCode.GET_EARLIEST_MSG_STORETIME -> {
                TopicQueueRequestHeader header = TopicQueueRequestHeader.readFrom(request);
                yield success(request).writeHeader(new GetEarliestMsgStoretimeResponseHeader(
                        store.earliestMessageTime(header.topic(), header.queueId())));
            }
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
        QueryConsumerOffsetRequestHeader header = QueryConsumerOffsetRequestHeader.readFrom(request);
        long offset = offsets.query(header.consumerGroup(), header.topic(), header.queueId());
        if (offset >= 0) {
            return withOffset(request, offset);
        }
        if (header.zeroIfNotFound() && store.minOffsetInQueue(header.topic(), header.queueId()) <= 0) {
            return withOffset(request, 0);
        }
        return RemotingCommand.createResponse(request, ResponseCode.QUERY_NOT_FOUND, "Not found, V3_0_6_SNAPSHOT maybe "
                + "this group consumer boot first");
    }

    private RemotingCommand updateConsumerOffset(RemotingCommand request) {
        UpdateConsumerOffsetRequestHeader header = UpdateConsumerOffsetRequestHeader.readFrom(request);
        offsets.commit(header.consumerGroup(), header.topic(), header.queueId(), header.commitOffset());
        return success(request);
    }

    private RemotingCommand searchByTimestamp(RemotingCommand request) {
        SearchOffsetRequestHeader header = SearchOffsetRequestHeader.readFrom(request);
        BoundaryType type = header.boundaryType() == SearchOffsetRequestHeader.Boundary.UPPER
                ? BoundaryType.UPPER : BoundaryType.LOWER;
        return withOffset(request, store.offsetForTimestamp(header.topic(), header.queueId(), header.timestamp(),
                type));
    }

    private static RemotingCommand withOffset(RemotingCommand request, long offset) {
        return success(request).writeHeader(new OffsetResponseHeader(offset));
    }

    private static RemotingCommand success(RemotingCommand request) {
        return RemotingCommand.createResponse(request, ResponseCode.SUCCESS, null);
    }
}
