package io.nimbusmq.client.internal.consumer;

import io.nimbusmq.client.MqClientException;
import io.nimbusmq.client.internal.ClientServices;
import io.nimbusmq.client.internal.offset.OffsetStore;
import io.nimbusmq.client.internal.route.BrokerChoice;
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
import io.nimbusmq.remoting.protocol.header.TopicQueueRequestHeader;

/**
 * Where a newly assigned queue starts (remoting-protocol.md §8.3): the stored offset when there is one (brokers answer
 * 0 for a queue that still holds its first message, except to CONSUME_FROM_TIMESTAMP, which asks without it);
 * otherwise, by {@link ConsumeFromWhere}, the queue's end (GET_MAX_OFFSET; a retry queue from 0), its start (0), or
 * the consumer's start timestamp (SEARCH_OFFSET_BY_TIMESTAMP, 30 minutes back unless configured; a retry queue from its
 * end). Also the broker's offsets a seek needs: a queue's min and max offset, and the offset of a time. Asked of the
 * master, or of its slave while the master is not routed.
 */
final class StartOffsets {

    private final ClientServices services;
    private final ConsumeFromWhere consumeFromWhere;
    private final long consumeTimestampMillis;
    private final OffsetStore offsets;

    StartOffsets(ClientServices services, ConsumeFromWhere consumeFromWhere, long consumeTimestampMillis,
            OffsetStore offsets) {
        this.services = services;
        this.consumeFromWhere = consumeFromWhere;
        this.consumeTimestampMillis = consumeTimestampMillis;
        this.offsets = offsets;
    }

    long compute(MessageQueue queue) {
        // a start timestamp is explicit: it holds on a young queue too, which brokers otherwise start at 0
        long stored = offsets.readFromStore(queue, consumeFromWhere != ConsumeFromWhere.CONSUME_FROM_TIMESTAMP);
        if (stored >= 0) {
            return stored;
        }
        boolean retry = SystemTopics.isRetryTopic(queue.topic());
        return switch (consumeFromWhere) {
            case CONSUME_FROM_FIRST_OFFSET -> 0;
            case CONSUME_FROM_TIMESTAMP -> retry ? maxOffset(queue) : searchOffset(queue, consumeTimestampMillis);
            default -> retry ? 0 : maxOffset(queue);
        };
    }

    /** The queue's max offset on its master (GET_MAX_OFFSET). */
    long maxOffset(MessageQueue queue) {
        return offsetCall(queue, RemotingCommand.createRequest(RequestCode.GET_MAX_OFFSET,
                new GetMaxOffsetRequestHeader(queue.topic(), queue.queueId(), true, queue.brokerName())));
    }

    /** The queue's min offset on its master (GET_MIN_OFFSET): the oldest message still stored. */
    long minOffset(MessageQueue queue) {
        return offsetCall(queue, RemotingCommand.createRequest(RequestCode.GET_MIN_OFFSET,
                new TopicQueueRequestHeader(queue.topic(), queue.queueId(), queue.brokerName())));
    }

    /** The offset of the first message stored at or after {@code timestampMillis} (SEARCH_OFFSET_BY_TIMESTAMP). */
    long searchOffset(MessageQueue queue, long timestampMillis) {
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
