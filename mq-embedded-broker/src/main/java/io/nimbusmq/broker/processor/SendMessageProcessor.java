package io.nimbusmq.broker.processor;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import io.nimbusmq.broker.retry.RetryTopics;
import io.nimbusmq.broker.schedule.ScheduleRewriter;
import io.nimbusmq.broker.stats.BrokerStats;
import io.nimbusmq.broker.topic.TopicConfigTable;
import io.nimbusmq.broker.transaction.HalfMessages;
import io.nimbusmq.message.MessageConst;
import io.nimbusmq.message.MessageIds;
import io.nimbusmq.message.MessageInput;
import io.nimbusmq.message.MessageProperties;
import io.nimbusmq.message.SystemTopics;
import io.nimbusmq.message.TopicValidator;
import io.nimbusmq.remoting.dispatch.RequestContext;
import io.nimbusmq.remoting.dispatch.RequestProcessor;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.ResponseCode;
import io.nimbusmq.remoting.protocol.body.TopicConfig;
import io.nimbusmq.remoting.protocol.header.SendMessageRequestHeader;
import io.nimbusmq.remoting.protocol.header.SendMessageResponseHeader;
import io.nimbusmq.store.MessageStore;
import io.nimbusmq.store.PutMessageResult;

/**
 * SEND_MESSAGE (10), SEND_MESSAGE_V2 (310) and SEND_BATCH_MESSAGE (320).
 *
 * <p>Checks the topic (name, system topics, existence or auto-creation, permission, queue id), completes the
 * properties (UNIQ_KEY if missing, CLUSTER), sends a retry that is past its reconsume times to the dead-letter queue
 * ({@link RetryTopics}), lets {@link ScheduleRewriter} turn a delayed or timer message into its waiting copy, and
 * hands the message to the store. The store's future completes on a
 * store thread (after the force with SYNC_FLUSH); the response is written from there, so no processor thread waits
 * for the disk.
 */
public final class SendMessageProcessor implements RequestProcessor {

    /** The MSG_REGION of every send response (RocketMQ's default region). */
    static final String REGION = "DefaultRegion";
    private static final String PROPERTY_SEPARATOR = String.valueOf(MessageProperties.PROPERTY_SEPARATOR);

    private final MessageStore store;
    private final TopicConfigTable topics;
    private final Supplier<InetSocketAddress> storeHostSupplier;
    private final String clusterName;
    private final String clusterProperty;
    private final ScheduleRewriter scheduler;
    private final RetryTopics retryTopics;
    private final BrokerStats stats;

    /**
     * @param storeHost the broker's advertised address, known once the server is bound
     * @param rewrites what a send may become: a delayed or timer message's waiting copy, a dead letter of a retry
     *     past its reconsume times
     * @param stats counts what each topic stores (TOPIC_PUT_NUMS / TOPIC_PUT_SIZE)
     */
    public SendMessageProcessor(MessageStore store, TopicConfigTable topics, Supplier<InetSocketAddress> storeHost,
            String clusterName, SendRewrites rewrites, BrokerStats stats) {
        this.store = store;
        this.scheduler = rewrites.schedule();
        this.retryTopics = rewrites.retries();
        this.stats = stats;
        this.topics = topics;
        this.storeHostSupplier = storeHost;
        this.clusterName = clusterName;
        this.clusterProperty = MessageProperties.encode(brokerProperties(clusterName));
    }

    /**
     * What the broker adds to every stored message, as RocketMQ does: its cluster, and the region and trace switch
     * that the official client's consume-side trace hook reads from each message.
     */
    private static Map<String, String> brokerProperties(String clusterName) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(MessageConst.CLUSTER, clusterName);
        properties.put(MessageConst.MSG_REGION, REGION);
        properties.put(MessageConst.TRACE_ON, "true");
        return properties;
    }

    @Override
    public RemotingCommand processRequest(RequestContext context, RemotingCommand request) {
        SendMessageRequestHeader header = SendMessageRequestHeader.readFrom(request);
        RemotingCommand response = RemotingCommand.createResponse(request, ResponseCode.SYSTEM_ERROR, null);
        TopicConfig topic = checkTopic(header, response);
        if (topic == null) {
            return response;
        }
        int queueId = header.queueId() < 0
                ? ThreadLocalRandom.current().nextInt(Math.max(1, topic.writeQueueNums())) : header.queueId();
        if (queueId >= Math.max(topic.readQueueNums(), topic.writeQueueNums())) {
            return fail(response, ResponseCode.SYSTEM_ERROR, "request queueId[" + queueId + "] is illegal, "
                    + topic + " producer: " + context.remoteAddress());
        }
        if (header.batch() && SystemTopics.isRetryTopic(header.topic())) {
            return fail(response, ResponseCode.MESSAGE_ILLEGAL, "batch request does not support retry group "
                    + header.topic());
        }
        List<MessageInput> messages;
        try {
            messages = header.batch()
                    ? BatchMessageDecoder.decode(request.body(), header, queueId, inputs(context))
                    : List.of(single(header, queueId, request.body(), context));
        } catch (IllegalArgumentException e) {
            return fail(response, ResponseCode.MESSAGE_ILLEGAL, e.getMessage());
        }
        if (SystemTopics.isRetryTopic(header.topic())) {
            RetryTopics.Routing routed = retryTopics.routeRetrySend(messages.get(0), header.maxReconsumeTimes());
            if (routed.refused()) {
                return fail(response, routed.errorCode(), routed.remark());
            }
            messages = List.of(routed.message());
        }
        // counted under the topic it was sent to (or its dead-letter topic), not its delay or half queue
        String countedTopic = messages.get(0).topic();
        if (!header.batch()) {
            // delayed or timer: into its waiting queue (a transactional half message is left alone)
            ScheduleRewriter.Decision scheduled = scheduler.rewrite(messages.get(0));
            if (scheduled.refused()) {
                return fail(response, scheduled.errorCode(), scheduled.remark());
            }
            messages = List.of(scheduled.message());
        }
        try {
            messages = HalfMessages.storeAsHalf(messages); // transactional: into the half queue, invisible
        } catch (IllegalArgumentException e) {
            return fail(response, ResponseCode.MESSAGE_ILLEGAL, e.getMessage());
        }
        String uniqueKey = header.batch() ? null
                : MessageProperties.get(messages.get(0).properties(), MessageConst.UNIQ_KEY);
        long started = System.nanoTime();
        store.putMessages(messages).whenComplete((result, error) -> {
            boolean stored = error == null && result.append() != null;
            stats.onSendDone(stored, (System.nanoTime() - started) / 1_000_000);
            if (stored) {
                countStored(countedTopic, result);
            }
            if (error != null) {
                context.writeResponse(fail(response, ResponseCode.SYSTEM_ERROR, String.valueOf(error)));
            } else {
                context.writeResponse(toResponse(response, result, queueId, uniqueKey));
            }
        });
        return null;
    }

    private void countStored(String topic, PutMessageResult result) {
        stats.onPut(topic, result.append().messageCount(), result.append().wroteBytes());
        if (topic.startsWith(SystemTopics.DLQ_GROUP_TOPIC_PREFIX)) {
            stats.onDeadLetter(topic.substring(SystemTopics.DLQ_GROUP_TOPIC_PREFIX.length()));
        }
    }

    private TopicConfig checkTopic(SendMessageRequestHeader header, RemotingCommand response) {
        String problem = TopicValidator.validate(header.topic());
        if (problem != null) {
            fail(response, ResponseCode.SYSTEM_ERROR, problem);
            return null;
        }
        if (TopicValidator.isNotAllowedToSend(header.topic())) {
            fail(response, ResponseCode.NO_PERMISSION, "Sending message to topic[" + header.topic()
                    + "] is forbidden.");
            return null;
        }
        TopicConfig topic = topics.find(header.topic());
        if (topic == null && SystemTopics.isRetryTopic(header.topic())) {
            topic = topics.createSingleQueueTopicIfAbsent(header.topic());
        }
        if (topic == null) {
            topic = topics.autoCreate(header.topic(), header.defaultTopic(), header.defaultTopicQueueNums());
        }
        if (topic == null) {
            fail(response, ResponseCode.TOPIC_NOT_EXIST, "topic[" + header.topic()
                    + "] not exist, apply first please!");
            return null;
        }
        if (!topic.isWritable()) {
            fail(response, ResponseCode.NO_PERMISSION, "the topic[" + header.topic() + "] sending message is forbidden");
            return null;
        }
        return topic;
    }

    private BatchMessageDecoder.Hosts inputs(RequestContext context) {
        return new BatchMessageDecoder.Hosts(bornHost(context.channel().remoteAddress()), storeHostSupplier.get(),
                clusterName);
    }

    private MessageInput single(SendMessageRequestHeader header, int queueId, byte[] body, RequestContext context) {
        if (body == null) {
            throw new IllegalArgumentException("message body is missing");
        }
        String properties = completeProperties(header.properties(), clusterProperty);
        return new MessageInput(header.topic(), queueId, header.flag(), body, properties, header.sysFlag(),
                header.bornTimestamp(), bornHost(context.channel().remoteAddress()), storeHostSupplier.get(),
                header.reconsumeTimes(), 0);
    }

    /**
     * A message's own properties with a UNIQ_KEY (generated when the producer set none), followed by
     * {@code brokerProperties}, the encoded properties the broker adds (CLUSTER, and for a batch its shared ones).
     */
    static String completeProperties(String own, String brokerProperties) {
        // one concatenation: one array of the final size, no builder copied into a string
        String base = own == null ? "" : own;
        String separator = base.isEmpty() || base.charAt(base.length() - 1) == MessageProperties.PROPERTY_SEPARATOR
                ? "" : PROPERTY_SEPARATOR;
        if (MessageProperties.contains(base, MessageConst.UNIQ_KEY)) {
            return base + separator + brokerProperties;
        }
        return base + separator + MessageConst.UNIQ_KEY + MessageProperties.NAME_VALUE_SEPARATOR
                + MessageIds.newUniqueId() + MessageProperties.PROPERTY_SEPARATOR + brokerProperties;
    }

    private static InetSocketAddress bornHost(SocketAddress address) {
        return address instanceof InetSocketAddress inet ? inet : new InetSocketAddress("127.0.0.1", 0);
    }

    private RemotingCommand toResponse(RemotingCommand response, PutMessageResult result, int queueId,
            String uniqueKey) {
        switch (result.status()) {
            case PUT_OK, FLUSH_DISK_TIMEOUT -> {
                response.setCode(result.isOk() ? ResponseCode.SUCCESS : ResponseCode.FLUSH_DISK_TIMEOUT);
                response.setRemark(result.remark());
                String ids = messageIds(result.append().physicalOffsets());
                SendMessageResponseHeader.writeStored(response, ids, queueId, result.append().queueOffset(),
                        uniqueKey, REGION, true);
                return response;
            }
            case SERVICE_NOT_AVAILABLE -> {
                return fail(response, ResponseCode.SERVICE_NOT_AVAILABLE,
                        "service not available now: " + result.remark());
            }
            case MESSAGE_ILLEGAL, PROPERTIES_SIZE_EXCEEDED, TOPIC_ILLEGAL -> {
                return fail(response, ResponseCode.MESSAGE_ILLEGAL, result.remark());
            }
            default -> {
                return fail(response, ResponseCode.SYSTEM_ERROR, result.status() + ": " + result.remark());
            }
        }
    }

    /** The offset message ids of what was stored, comma-separated (a batch has several). */
    private String messageIds(long[] physicalOffsets) {
        InetSocketAddress storeHost = storeHostSupplier.get();
        if (physicalOffsets.length == 1) {
            return MessageIds.offsetMessageId(storeHost, physicalOffsets[0]);
        }
        StringJoiner ids = new StringJoiner(",");
        for (long offset : physicalOffsets) {
            ids.add(MessageIds.offsetMessageId(storeHost, offset));
        }
        return ids.toString();
    }

    /** A refusal: the code, the remark, and the ext fields every send response carries. */
    private static RemotingCommand fail(RemotingCommand response, int code, String remark) {
        return response.setCode(code).setRemark(remark).writeHeader(SendMessageResponseHeader.refused(REGION, true));
    }
}
