package io.nimbusmq.broker.processor;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.netty.channel.Channel;
import io.nimbusmq.broker.client.ClientChannelInfo;
import io.nimbusmq.broker.client.ConsumerGroupInfo;
import io.nimbusmq.broker.client.ConsumerManager;
import io.nimbusmq.broker.client.ProducerManager;
import io.nimbusmq.broker.retry.RetryMessages;
import io.nimbusmq.remoting.dispatch.RequestContext;
import io.nimbusmq.remoting.dispatch.RequestProcessor;
import io.nimbusmq.remoting.protocol.CommandHeader;
import io.nimbusmq.remoting.protocol.MissingHeaderFieldException;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.ResponseCode;
import io.nimbusmq.remoting.protocol.body.RemotingJson;
import io.nimbusmq.remoting.protocol.body.client.ProducerTableInfo;
import io.nimbusmq.remoting.protocol.header.ConsumeMessageDirectlyResultRequestHeader;
import io.nimbusmq.remoting.protocol.header.ConsumerGroupRequestHeader;
import io.nimbusmq.remoting.protocol.header.GetConsumerRunningInfoRequestHeader;
import io.nimbusmq.remoting.protocol.header.GetProducerConnectionListRequestHeader;
import io.nimbusmq.store.MessageStore;
import io.nimbusmq.store.file.MappedSlice;
import io.nimbusmq.store.read.QueryMessageResult;

/**
 * Consumer and producer connections: GET_CONSUMER_CONNECTION_LIST (203), GET_PRODUCER_CONNECTION_LIST (204),
 * GET_ALL_PRODUCER_INFO (328, {@code mqadmin producer}), and
 * GET_CONSUMER_RUNNING_INFO (307) and CONSUME_MESSAGE_DIRECTLY (309), both relayed to the client.
 * {@link ConsumerProgressProcessor} answers where groups are.
 */
public final class ConsumerAdminProcessor implements RequestProcessor {

    /** Sends a request to a client over its connection and returns the answer. */
    @FunctionalInterface
    public interface ClientInvoker {
        CompletableFuture<RemotingCommand> invoke(Channel channel, RemotingCommand request, long timeoutMillis);
    }

    private static final long CLIENT_TIMEOUT_MILLIS = 5_000;

    private final MessageStore store;
    private final ConsumerManager consumers;
    private final ProducerManager producers;
    private final String brokerName;
    private final ClientInvoker clientInvoker;

    public ConsumerAdminProcessor(MessageStore store, ConsumerManager consumers, ProducerManager producers,
            String brokerName, ClientInvoker clientInvoker) {
        this.store = store;
        this.consumers = consumers;
        this.producers = producers;
        this.brokerName = brokerName;
        this.clientInvoker = clientInvoker;
    }

    public static int[] requestCodes() {
        return new int[] {RequestCode.GET_CONSUMER_CONNECTION_LIST, RequestCode.GET_PRODUCER_CONNECTION_LIST,
                RequestCode.GET_CONSUMER_RUNNING_INFO, RequestCode.CONSUME_MESSAGE_DIRECTLY,
                RequestCode.GET_ALL_PRODUCER_INFO};
    }

    @Override
    public RemotingCommand processRequest(RequestContext context, RemotingCommand request) throws Exception {
        return switch (request.code()) {
            case RequestCode.GET_CONSUMER_CONNECTION_LIST -> consumerConnections(request);
            case RequestCode.GET_PRODUCER_CONNECTION_LIST -> success(request).setBody(RemotingJson.encode(
                    producers.producerConnection(
                            GetProducerConnectionListRequestHeader.readFrom(request).producerGroup())));
            case RequestCode.CONSUME_MESSAGE_DIRECTLY -> consumeMessageDirectly(request);
            case RequestCode.GET_ALL_PRODUCER_INFO -> success(request).setBody(RemotingJson.encode(allProducers()));
            default -> consumerRunningInfo(request);
        };
    }

    private ProducerTableInfo allProducers() {
        Map<String, List<ProducerTableInfo.ProducerInfo>> byGroup = new TreeMap<>();
        for (String group : producers.groups()) {
            byGroup.put(group, producers.connections(group).stream()
                    .map(c -> new ProducerTableInfo.ProducerInfo(c.clientId(), c.clientAddress(), c.language(),
                            c.version(), c.lastUpdateMillis()))
                    .toList());
        }
        return new ProducerTableInfo(byGroup);
    }

    private RemotingCommand consumerConnections(RemotingCommand request) {
        String group = ConsumerGroupRequestHeader.readFrom(request).consumerGroup();
        Optional<ConsumerGroupInfo> info = consumers.group(group);
        if (info.isEmpty() || info.get().isEmpty()) {
            return RemotingCommand.createResponse(request, ResponseCode.CONSUMER_NOT_ONLINE,
                    "the consumer group[" + group + "] not online");
        }
        return success(request).setBody(RemotingJson.encode(info.get().toConsumerConnection()));
    }

    /**
     * CONSUME_MESSAGE_DIRECTLY (309): the message named by {@code msgId} (an offsetMsgId) goes to one client of the
     * group, which runs its listener on it and answers a ConsumeMessageDirectlyResult (the dashboard's "resend" of a
     * dead letter).
     */
    private RemotingCommand consumeMessageDirectly(RemotingCommand request) throws Exception {
        ConsumeMessageDirectlyResultRequestHeader header = ConsumeMessageDirectlyResultRequestHeader.readFrom(request);
        String msgId = required(request, "msgId", header.msgId());
        byte[] body = storedBytes(header.topic(), msgId);
        if (body == null) {
            return RemotingCommand.createResponse(request, ResponseCode.SYSTEM_ERROR,
                    "can not find message by the msgId, " + msgId);
        }
        return relayToClient(request, header.consumerGroup(), required(request, "clientId", header.clientId()),
                header.relayedBy(brokerName), body);
    }

    /** The stored bytes of a message named by its offsetMsgId, or by its UNIQ_KEY in {@code topic}; null if none. */
    private byte[] storedBytes(String topic, String msgId) {
        if (topic != null && !topic.isBlank()) {
            try (QueryMessageResult byKey = store.queryByUniqueKey(topic, msgId, 1, 0, Long.MAX_VALUE)) {
                if (!byKey.messages().isEmpty()) {
                    return copy(byKey.messages().get(0));
                }
            }
        }
        long offset = RetryMessages.physicalOffsetOf(msgId);
        MappedSlice message = offset < 0 ? null : store.readMessage(offset);
        if (message == null) {
            return null;
        }
        try {
            return copy(message);
        } finally {
            message.release();
        }
    }

    private static byte[] copy(MappedSlice slice) {
        ByteBuffer view = slice.buffer().duplicate().clear();
        byte[] bytes = new byte[view.remaining()];
        view.get(bytes);
        return bytes;
    }

    private RemotingCommand consumerRunningInfo(RemotingCommand request) throws Exception {
        GetConsumerRunningInfoRequestHeader header = GetConsumerRunningInfoRequestHeader.readFrom(request);
        return relayToClient(request, header.consumerGroup(), header.clientId(), header, request.body());
    }

    /** RocketMQ leaves the field optional, but the broker cannot relay without it. */
    private static String required(RemotingCommand request, String name, String value) {
        if (value == null) {
            throw new MissingHeaderFieldException(request.code(), name);
        }
        return value;
    }

    /**
     * Relays {@code request} to one client of the group, as RocketMQ does: same code and ext fields, {@code header}
     * written over them, and {@code body}.
     */
    private RemotingCommand relayToClient(RemotingCommand request, String group, String clientId,
            CommandHeader header, byte[] body) throws Exception {
        Optional<ClientChannelInfo> client = consumers.group(group).flatMap(g -> g.findClient(clientId));
        if (client.isEmpty()) {
            return RemotingCommand.createResponse(request, ResponseCode.SYSTEM_ERROR,
                    "The Consumer <" + group + "> <" + clientId + "> not online");
        }
        RemotingCommand forward = RemotingCommand.createRequest(request.code()).setExtFields(request.extFields())
                .writeHeader(header).setBody(body);
        RemotingCommand answer = clientInvoker.invoke(client.get().channel(), forward, CLIENT_TIMEOUT_MILLIS)
                .get();
        return RemotingCommand.createResponse(request, answer.code(), answer.remark()).setBody(answer.body());
    }

    private static RemotingCommand success(RemotingCommand request) {
        return RemotingCommand.createResponse(request, ResponseCode.SUCCESS, null);
    }
}
