package io.nimbusmq.client.internal.consumer;

import io.nimbusmq.client.MqClientException;
import io.nimbusmq.client.internal.ClientServices;
import io.nimbusmq.client.internal.offset.OffsetStore;
import io.nimbusmq.client.internal.route.BrokerChoice;
import io.nimbusmq.message.MessageConst;
import io.nimbusmq.message.SystemTopics;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.ResponseCode;
import io.nimbusmq.remoting.protocol.body.BrokerData;
import io.nimbusmq.remoting.protocol.body.client.ConsumeFromWhere;
import io.nimbusmq.remoting.protocol.body.client.MessageQueue;
import io.nimbusmq.remoting.protocol.header.GetMaxOffsetRequestHeader;
import io.nimbusmq.remoting.protocol.header.OffsetResponseHeader;
import io.nimbusmq.remoting.protocol.header.SearchOffsetRequestHeader;

/**
 * Where a newly assigned queue starts (remoting-protocol.md §8.3): the stored offset when there is one; otherwise,
 * by {@link ConsumeFromWhere}, the queue's end (GET_MAX_OFFSET; a retry queue from 0), its start (0), or 30 minutes
 * ago (SEARCH_OFFSET_BY_TIMESTAMP; a retry queue from its end). Asked of the master, or of its slave while the master
 * is not routed.
 */
final class StartOffsets {

    private static final long TIMESTAMP_LOOKBACK_MILLIS = 30 * 60 * 1000L;

    private final ClientServices services;
    private final ConsumeFromWhere consumeFromWhere;
    private final OffsetStore offsets;

    StartOffsets(ClientServices services, ConsumeFromWhere consumeFromWhere, OffsetStore offsets) {
        this.services = services;
        this.consumeFromWhere = consumeFromWhere;
        this.offsets = offsets;
    }

    long compute(MessageQueue queue) {
        long stored = offsets.readFromStore(queue);
        if (stored >= 0) {
            return stored;
        }
        boolean retry = SystemTopics.isRetryTopic(queue.topic());
        return switch (consumeFromWhere) {
            case CONSUME_FROM_FIRST_OFFSET -> 0;
            case CONSUME_FROM_TIMESTAMP -> retry ? maxOffset(queue) : searchOffset(queue,
                    System.currentTimeMillis() - TIMESTAMP_LOOKBACK_MILLIS);
            default -> retry ? 0 : maxOffset(queue);
        };
    }

    /** The queue's max offset on its master (GET_MAX_OFFSET). */
    long maxOffset(MessageQueue queue) {
        return offsetCall(queue, RemotingCommand.createRequest(RequestCode.GET_MAX_OFFSET,
                new GetMaxOffsetRequestHeader(queue.topic(), queue.queueId(), true, queue.brokerName())));
    }

    private long searchOffset(MessageQueue queue, long timestampMillis) {
        return offsetCall(queue, RemotingCommand.createRequest(RequestCode.SEARCH_OFFSET_BY_TIMESTAMP,
                new SearchOffsetRequestHeader(queue.topic(), queue.queueId(), timestampMillis,
                        SearchOffsetRequestHeader.Boundary.LOWER, queue.brokerName())));
    }

    private long offsetCall(MessageQueue queue, RemotingCommand request) {
        String address = services.routes().subscribeAddress(queue.brokerName(), BrokerData.MASTER_ID, false)
                .map(BrokerChoice::address).orElseThrow(() -> new MqClientException(MqClientException.NO_RESPONSE,
                        "no address for broker " + queue.brokerName()));
        RemotingCommand response = services.remoting().invokeBlocking(address, request,
                services.requestTimeoutMillis());
        if (response.code() != ResponseCode.SUCCESS) {
            throw new MqClientException(response.code(), "offset of " + queue + ": " + response.remark());
        }
        return OffsetResponseHeader.readFrom(response).offset();
    }
}
