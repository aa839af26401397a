package io.nimbusmq.client.internal.offset;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import io.nimbusmq.client.MqClientException;
import io.nimbusmq.client.internal.ClientServices;
import io.nimbusmq.client.internal.route.BrokerChoice;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.ResponseCode;
import io.nimbusmq.remoting.protocol.body.BrokerData;
import io.nimbusmq.remoting.protocol.body.client.MessageQueue;
import io.nimbusmq.remoting.protocol.header.OffsetResponseHeader;
import io.nimbusmq.remoting.protocol.header.QueryConsumerOffsetRequestHeader;
import io.nimbusmq.remoting.protocol.header.UpdateConsumerOffsetRequestHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CLUSTERING offsets, kept by the brokers: QUERY_CONSUMER_OFFSET (14) to read, UPDATE_CONSUMER_OFFSET (15, oneway as
 * the 5.x client sends it) to persist, each to the master of the queue's broker, or to its slave while the master is
 * not routed (as the official client does; the slave takes its master's offsets again when it synchronizes).
 */
public final class RemoteOffsetStore extends MemoryOffsets {

    private static final Logger log = LoggerFactory.getLogger(RemoteOffsetStore.class);

    private final ClientServices services;
    private final String group;

    public RemoteOffsetStore(ClientServices services, String group) {
        this.services = services;
        this.group = group;
    }

    @Override
    public long readFromStore(MessageQueue queue) {
        return readFromStore(queue, true);
    }

    /** {@code youngQueueFromStart} false sends {@code setZeroIfNotFound=false}; true leaves it out, as the official. */
    @Override
    public long readFromStore(MessageQueue queue, boolean youngQueueFromStart) {
        RemotingCommand request = RemotingCommand.createRequest(RequestCode.QUERY_CONSUMER_OFFSET,
                new QueryConsumerOffsetRequestHeader(group, queue.topic(), queue.queueId(),
                        youngQueueFromStart ? null : Boolean.FALSE, queue.brokerName()));
        RemotingCommand response = services.remoting().invokeBlocking(address(queue), request,
                services.requestTimeoutMillis());
        if (response.code() == ResponseCode.QUERY_NOT_FOUND) {
            return -1;
        }
        if (response.code() != ResponseCode.SUCCESS) {
            throw new MqClientException(response.code(), "offset of " + queue + ": " + response.remark());
        }
        long offset = OffsetResponseHeader.readFrom(response).offset();
        offsets.put(queue, offset);
        return offset;
    }

    @Override
    public void persistAll(Collection<MessageQueue> queues) {
        Set<MessageQueue> keep = new HashSet<>(queues);
        for (MessageQueue queue : Set.copyOf(offsets.keySet())) {
            if (keep.contains(queue)) {
                persist(queue);
            } else {
                offsets.remove(queue);
            }
        }
    }

    @Override
    public void persist(MessageQueue queue) {
        persist(queue, false);
    }

    /** Each queue's offset in a request answered before the next is sent; failures are logged, not thrown. */
    @Override
    public void persistAllAndWait(Collection<MessageQueue> queues) {
        for (MessageQueue queue : queues) {
            try {
                persist(queue, true);
            } catch (MqClientException e) {
                log.warn("Offset of {} for {} not committed at shutdown: {}", queue, group, e.getMessage());
            }
        }
    }

    private void persist(MessageQueue queue, boolean await) {
        Long offset = offsets.get(queue);
        if (offset == null) {
            return;
        }
        String address = services.routes().subscribeAddress(queue.brokerName(), BrokerData.MASTER_ID, false)
                .map(BrokerChoice::address).orElse(null);
        if (address == null) {
            return;
        }
        UpdateConsumerOffsetRequestHeader header = new UpdateConsumerOffsetRequestHeader(group, queue.topic(),
                queue.queueId(), offset, queue.brokerName());
        if (await) {
            services.remoting().invokeBlocking(address, RemotingCommand.createRequest(
                    RequestCode.UPDATE_CONSUMER_OFFSET, header), services.requestTimeoutMillis());
        } else {
            services.remoting().invokeOneway(address, RemotingCommand.createOnewayRequest(
                    RequestCode.UPDATE_CONSUMER_OFFSET, header));
        }
    }

    private String address(MessageQueue queue) {
        return services.routes().subscribeAddress(queue.brokerName(), BrokerData.MASTER_ID, false)
                .map(BrokerChoice::address).orElseThrow(() -> new MqClientException(MqClientException.NO_RESPONSE,
                        "no address for broker " + queue.brokerName()));
    }
}
