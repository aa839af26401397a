package io.nimbusmq.client.internal;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.nimbusmq.client.ReceivedMessage;
import io.nimbusmq.client.internal.consumer.ClientPushConsumer;
import io.nimbusmq.client.internal.message.PulledMessages;
import io.nimbusmq.client.internal.producer.ClientProducer;
import io.nimbusmq.client.internal.producer.TransactionEnd;
import io.nimbusmq.client.producer.LocalTransactionState;
import io.nimbusmq.client.producer.TransactionChecker;
import io.nimbusmq.message.MessageCodec;
import io.nimbusmq.message.MessageConst;
import io.nimbusmq.message.MessageProperties;
import io.nimbusmq.message.MessageSysFlag;
import io.nimbusmq.remoting.dispatch.RequestContext;
import io.nimbusmq.remoting.dispatch.RequestProcessor;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.ResponseCode;
import io.nimbusmq.remoting.protocol.body.RemotingJson;
import io.nimbusmq.remoting.protocol.header.CheckTransactionStateRequestHeader;
import io.nimbusmq.remoting.protocol.header.ConsumerGroupRequestHeader;
import io.nimbusmq.remoting.protocol.header.GetConsumerRunningInfoRequestHeader;
import io.nimbusmq.remoting.protocol.header.ReplyMessageRequestHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The requests brokers send to this client on its connections: NOTIFY_CONSUMER_IDS_CHANGED (40, rebalance now),
 * CHECK_TRANSACTION_STATE (39, ask the group's {@link TransactionChecker} and answer with END_TRANSACTION),
 * PUSH_REPLY_MESSAGE_TO_CLIENT (326, a reply to one of our requests) and GET_CONSUMER_RUNNING_INFO (307, a minimal
 * report).
 */
final class BrokerRequestProcessor implements RequestProcessor {

    private static final Logger log = LoggerFactory.getLogger(BrokerRequestProcessor.class);

    static final int[] CODES = {RequestCode.NOTIFY_CONSUMER_IDS_CHANGED, RequestCode.CHECK_TRANSACTION_STATE,
        RequestCode.PUSH_REPLY_MESSAGE_TO_CLIENT, RequestCode.GET_CONSUMER_RUNNING_INFO};

    private final ClientServices services;
    private final Function<String, ClientProducer> producers;
    private final Function<String, ClientPushConsumer> consumers;
    private final Runnable rebalanceAll;

    BrokerRequestProcessor(ClientServices services, Function<String, ClientProducer> producers,
            Function<String, ClientPushConsumer> consumers, Runnable rebalanceAll) {
        this.services = services;
        this.producers = producers;
        this.consumers = consumers;
        this.rebalanceAll = rebalanceAll;
    }

    @Override
    public RemotingCommand processRequest(RequestContext context, RemotingCommand request) {
        return switch (request.code()) {
            case RequestCode.NOTIFY_CONSUMER_IDS_CHANGED -> {
                ClientPushConsumer consumer = consumers.apply(
                        ConsumerGroupRequestHeader.readFrom(request).consumerGroup());
                if (consumer != null) {
                    consumer.onConsumerIdsChanged();
                } else {
                    rebalanceAll.run();
                }
                yield null;
            }
            case RequestCode.CHECK_TRANSACTION_STATE -> {
                checkTransaction(context, request);
                yield null;
            }
            case RequestCode.PUSH_REPLY_MESSAGE_TO_CLIENT -> {
                services.replies().onReply(reply(request));
                yield RemotingCommand.createResponse(request, ResponseCode.SUCCESS, null);
            }
            default -> runningInfo(request);
        };
    }

    private void checkTransaction(RequestContext context, RemotingCommand request) {
        CheckTransactionStateRequestHeader header = CheckTransactionStateRequestHeader.readFrom(request);
        ReceivedMessage half = PulledMessages.toReceived(MessageCodec.decode(ByteBuffer.wrap(request.body())), "");
        String group = half.property(MessageConst.PGROUP);
        ClientProducer producer = group == null ? null : producers.apply(group);
        TransactionChecker checker = producer == null ? null : producer.checker();
        if (checker == null) {
            log.warn("Check-back for transaction {} of group {}, which has no transactional producer here",
                    half.msgId(), group);
            return;
        }
        LocalTransactionState state;
        try {
            state = checker.check(services.names().unwrap(half));
            state = state == null ? LocalTransactionState.UNKNOW : state;
        } catch (RuntimeException e) {
            log.warn("Transaction checker of {} failed on {}", group, half.msgId(), e);
            state = LocalTransactionState.UNKNOW;
        }
        String uniqueKey = half.property(MessageConst.UNIQ_KEY) != null ? half.property(MessageConst.UNIQ_KEY)
                : header.msgId();
        String transactionId = header.transactionId() != null ? header.transactionId() : uniqueKey;
        services.remoting().invokeOneway(context.remoteAddress(), TransactionEnd.request(group,
                header.tranStateTableOffset(), header.commitLogOffset(), state, true, uniqueKey, transactionId,
                half.topic()));
    }

    private static ReceivedMessage reply(RemotingCommand request) {
        ReplyMessageRequestHeader header = ReplyMessageRequestHeader.readFrom(request);
        Map<String, String> properties = MessageProperties.decode(header.properties());
        byte[] body = request.body() == null ? new byte[0] : request.body();
        if ((header.sysFlag() & MessageSysFlag.COMPRESSED) != 0) {
            body = PulledMessages.inflate(body, header.sysFlag());
        }
        String uniqueKey = properties.getOrDefault(MessageConst.UNIQ_KEY, "");
        return new ReceivedMessage(header.topic(), "", header.queueId(), 0, 0, uniqueKey, "", header.flag(),
                header.sysFlag(), header.reconsumeTimes(), header.bornTimestamp(), host(header.bornHost()),
                header.storeTimestamp(), host(header.storeHost()), properties, body);
    }

    private static String host(String value) {
        return value.startsWith("/") ? value.substring(1) : value;
    }

    private RemotingCommand runningInfo(RemotingCommand request) {
        String group = GetConsumerRunningInfoRequestHeader.readFrom(request).consumerGroup();
        ClientPushConsumer consumer = consumers.apply(group);
        if (consumer == null) {
            return RemotingCommand.createResponse(request, ResponseCode.SYSTEM_ERROR,
                    "The Consumer Group <" + group + "> not exist in this consumer");
        }
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("PROP_CONSUMEORDERLY", String.valueOf(
                consumer.config().consumeMode() == io.nimbusmq.client.consumer.ConsumeMode.ORDERLY));
        properties.put("PROP_CONSUME_TYPE", "CONSUME_PASSIVELY");
        properties.put("messageModel", consumer.config().messageModel().name());
        properties.put("consumeFromWhere", consumer.config().consumeFromWhere().name());
        properties.put("PROP_THREADPOOL_CORE_SIZE", String.valueOf(consumer.config().consumeThreads()));
        properties.put("PROP_CLIENT_VERSION", "V5_3_1");
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("properties", properties);
        info.put("subscriptionSet", List.copyOf(consumer.subscriptions().values()));
        info.put("mqTable", Map.of());
        info.put("mqPopTable", Map.of());
        info.put("statusTable", Map.of());
        RemotingCommand response = RemotingCommand.createResponse(request, ResponseCode.SUCCESS, null);
        response.setBody(RemotingJson.encode(info));
        return response;
    }
}
