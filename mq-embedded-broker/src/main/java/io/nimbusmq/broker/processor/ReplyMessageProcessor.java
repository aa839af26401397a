package io.nimbusmq.broker.processor;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.netty.channel.Channel;
import io.nimbusmq.broker.client.ClientChannelInfo;
import io.nimbusmq.broker.client.ConsumerManager;
import io.nimbusmq.broker.client.ProducerManager;
import io.nimbusmq.broker.processor.ConsumerAdminProcessor.ClientInvoker;
import io.nimbusmq.broker.topic.TopicConfigTable;
import io.nimbusmq.message.MessageConst;
import io.nimbusmq.message.MessageIds;
import io.nimbusmq.message.MessageInput;
import io.nimbusmq.message.MessageProperties;
import io.nimbusmq.message.TopicValidator;
import io.nimbusmq.remoting.dispatch.RequestContext;
import io.nimbusmq.remoting.dispatch.RequestProcessor;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.ResponseCode;
import io.nimbusmq.remoting.protocol.body.TopicConfig;
import io.nimbusmq.remoting.protocol.header.ReplyMessageRequestHeader;
import io.nimbusmq.remoting.protocol.header.SendMessageRequestHeader;
import io.nimbusmq.remoting.protocol.header.SendMessageResponseHeader;
import io.nimbusmq.store.MessageStore;
import io.nimbusmq.store.PutMessageResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SEND_REPLY_MESSAGE (324) and SEND_REPLY_MESSAGE_V2 (325): a consumer answers a request. The reply is pushed at once
 * to the requester, found by the {@code REPLY_TO_CLIENT} property among the connected producers (or consumers), as
 * PUSH_REPLY_MESSAGE_TO_CLIENT (326) with the send header, {@code PUSH_REPLY_TIME} and the body; then it is stored in
 * its topic ({@code <cluster>_REPLY_TOPIC}, created with one queue on first use), as RocketMQ does.
 *
 * <p>The answer is SUCCESS when the push succeeded (with the stored message's id and offset when the store took it),
 * SYSTEM_ERROR naming the reason otherwise: no REPLY_TO_CLIENT, requester not connected, or the push failed.
 */
public final class ReplyMessageProcessor implements RequestProcessor {

    private static final long PUSH_TIMEOUT_MILLIS = 3_000;
    private static final Logger log = LoggerFactory.getLogger(ReplyMessageProcessor.class);

    private final MessageStore store;
    private final TopicConfigTable topics;
    private final ProducerManager producers;
    private final ConsumerManager consumers;
    private final ClientInvoker clientInvoker;
    private final Supplier<InetSocketAddress> storeHost;
    private final String clusterProperty;

    public ReplyMessageProcessor(MessageStore store, TopicConfigTable topics, ProducerManager producers,
            ConsumerManager consumers, ClientInvoker clientInvoker, Supplier<InetSocketAddress> storeHost,
            String clusterName) {
        this.store = store;
        this.topics = topics;
        this.producers = producers;
        this.consumers = consumers;
        this.clientInvoker = clientInvoker;
        this.storeHost = storeHost;
        this.clusterProperty = MessageProperties.encode(Map.of(MessageConst.CLUSTER, clusterName));
    }

    public static int[] requestCodes() {
        return new int[] {RequestCode.SEND_REPLY_MESSAGE, RequestCode.SEND_REPLY_MESSAGE_V2};
    }

    @Override
    public RemotingCommand processRequest(RequestContext context, RemotingCommand request) throws Exception {
        SendMessageRequestHeader header = SendMessageRequestHeader.readFrom(request);
        RemotingCommand response = RemotingCommand.createResponse(request, ResponseCode.SYSTEM_ERROR, null)
                .writeHeader(SendMessageResponseHeader.refused(SendMessageProcessor.REGION, true));
        String problem = TopicValidator.validate(header.topic());
        if (problem != null || request.body() == null) {
            response.setRemark(problem != null ? problem : "reply message body is missing");
            return response;
        }
        TopicConfig topic = topics.find(header.topic());
        if (topic == null) {
            topic = topics.createSingleQueueTopicIfAbsent(header.topic());
        }
        int queueId = header.queueId() >= 0 && header.queueId() < topic.writeQueueNums() ? header.queueId()
                : ThreadLocalRandom.current().nextInt(Math.max(1, topic.writeQueueNums()));
        String properties = SendMessageProcessor.completeProperties(header.properties(), clusterProperty);
        String pushProblem = push(context, header, properties, request.body());
        if (pushProblem != null) {
            response.setRemark(pushProblem);
            return response;
        }
        response.setCode(ResponseCode.SUCCESS);
        MessageInput message = new MessageInput(header.topic(), queueId, header.flag(), request.body(), properties,
                header.sysFlag(), header.bornTimestamp(), inet(context.channel().remoteAddress()), storeHost.get(),
                header.reconsumeTimes(), 0);
        PutMessageResult stored = store.putMessages(java.util.List.of(message)).get(PUSH_TIMEOUT_MILLIS,
                TimeUnit.MILLISECONDS);
        if (stored.isOk()) {
            return response.writeHeader(new SendMessageResponseHeader(MessageIds.offsetMessageId(storeHost.get(),
                    stored.append().physicalOffsets()[0]), queueId, stored.append().queueOffset(), null, null,
                    SendMessageProcessor.REGION, true));
        }
        log.warn("Reply to {} pushed but not stored: {} {}", header.topic(), stored.status(), stored.remark());
        return response.writeHeader(new SendMessageResponseHeader("0", queueId, 0L, null, null,
                SendMessageProcessor.REGION, true));
    }

    /** Pushes the reply to its requester; returns why it could not, or null. */
    private String push(RequestContext context, SendMessageRequestHeader header, String properties, byte[] body) {
        String requester = MessageProperties.get(properties, MessageConst.REPLY_TO_CLIENT);
        if (requester == null) {
            return "reply message properties[" + MessageConst.REPLY_TO_CLIENT + "] is null";
        }
        Optional<Channel> channel = findChannel(requester);
        if (channel.isEmpty()) {
            return "push reply message fail, channel of <" + requester + "> not found.";
        }
        String pushed = properties + MessageConst.PUSH_REPLY_TIME + MessageProperties.NAME_VALUE_SEPARATOR
                + System.currentTimeMillis() + MessageProperties.PROPERTY_SEPARATOR;
        RemotingCommand push = RemotingCommand.createRequest(RequestCode.PUSH_REPLY_MESSAGE_TO_CLIENT,
                ReplyMessageRequestHeader.of(header, pushed, String.valueOf(context.channel().remoteAddress()),
                        String.valueOf(storeHost.get()), System.currentTimeMillis()))
                .setBody(body);
        try {
            RemotingCommand answer = clientInvoker.invoke(channel.get(), push, PUSH_TIMEOUT_MILLIS)
                    .get(PUSH_TIMEOUT_MILLIS + 1_000, TimeUnit.MILLISECONDS);
            return answer.code() == ResponseCode.SUCCESS ? null
                    : "push reply message to " + requester + " fail: " + answer.remark();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return "push reply message to " + requester + " fail: " + e;
        }
    }

    private Optional<Channel> findChannel(String clientId) {
        Optional<Channel> producer = producers.findChannel(clientId);
        if (producer.isPresent()) {
            return producer;
        }
        return consumers.groups().stream()
                .flatMap(group -> consumers.group(group).stream())
                .flatMap(info -> info.findClient(clientId).stream())
                .map(ClientChannelInfo::channel)
                .findFirst();
    }

    private static InetSocketAddress inet(SocketAddress address) {
        return address instanceof InetSocketAddress inet ? inet : new InetSocketAddress("127.0.0.1", 0);
    }
}
