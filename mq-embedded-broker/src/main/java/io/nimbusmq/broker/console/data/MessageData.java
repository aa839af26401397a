package io.nimbusmq.broker.console.data;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import io.nimbusmq.broker.client.ConsumerManager;
import io.nimbusmq.broker.console.model.MessageViews;
import io.nimbusmq.broker.retry.RetryMessages;
import io.nimbusmq.message.MessageCodec;
import io.nimbusmq.message.StoredMessage;
import io.nimbusmq.remoting.RemotingAddresses;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.body.RemotingJson;
import io.nimbusmq.remoting.protocol.header.ConsumeMessageDirectlyResultRequestHeader;
import io.nimbusmq.store.MessageStore;
import io.nimbusmq.store.file.MappedSlice;
import io.nimbusmq.store.read.QueryMessageResult;

/**
 * Message search and detail for the console: by time range (consume queues and their store times), by key and by
 * the producer's id (the index, as QUERY_MESSAGE reads it), by the broker's offsetMsgId (the commit log, as
 * VIEW_MESSAGE_BY_ID reads it); and resending a message to a group member through CONSUME_MESSAGE_DIRECTLY.
 */
final class MessageData {

    private static final int MAX_ID_MATCHES = 32;

    private final MessageStore store;
    private final ConsumerManager consumers;
    private final LocalAdmin admin;
    private final MessageReader reader;
    private final GroupData groups;

    MessageData(MessageStore store, ConsumerManager consumers, LocalAdmin admin, MessageReader reader,
            GroupData groups) {
        this.store = store;
        this.consumers = consumers;
        this.admin = admin;
        this.reader = reader;
        this.groups = groups;
    }

    MessageViews.SearchResult byTime(String topic, long beginMillis, long endMillis, int limit) {
        if (endMillis < beginMillis) {
            throw new IllegalArgumentException("The time range ends before it begins.");
        }
        reader.queueCount(topic);
        return reader.between(topic, beginMillis, endMillis, limit);
    }

    MessageViews.SearchResult byKey(String topic, String key, int limit) {
        reader.queueCount(topic);
        try (QueryMessageResult result = store.queryByKey(topic, key, limit + 1, 0, Long.MAX_VALUE)) {
            return reader.newestFirst(decode(result, topic), limit, false);
        }
    }

    MessageViews.SearchResult byId(String topic, String msgId) {
        List<StoredMessage> found = new ArrayList<>();
        if (topic != null) {
            reader.queueCount(topic);
            try (QueryMessageResult result = store.queryByUniqueKey(topic, msgId, MAX_ID_MATCHES, 0,
                    Long.MAX_VALUE)) {
                found.addAll(decode(result, topic));
            }
        }
        StoredMessage byOffset = lookByOffsetMsgId(msgId);
        if (byOffset != null && (topic == null || byOffset.topic().equals(topic))
                && found.stream().noneMatch(m -> m.physicalOffset() == byOffset.physicalOffset())) {
            found.add(byOffset);
        }
        return reader.newestFirst(found, MAX_ID_MATCHES, false);
    }

    private static List<StoredMessage> decode(QueryMessageResult result, String topic) {
        List<StoredMessage> messages = new ArrayList<>();
        for (MappedSlice slice : result.messages()) {
            StoredMessage message = MessageCodec.decode(slice.buffer().duplicate().position(0));
            if (message.topic().equals(topic)) {
                messages.add(message);
            }
        }
        return messages;
    }

    private StoredMessage lookByOffsetMsgId(String offsetMsgId) {
        long physicalOffset = RetryMessages.physicalOffsetOf(offsetMsgId);
        return physicalOffset < 0 || physicalOffset >= store.commitLogMaxOffset() ? null
                : store.lookMessage(physicalOffset);
    }

    MessageViews.Detail detail(String offsetMsgId) {
        StoredMessage message = require(offsetMsgId);
        return new MessageViews.Detail(MessageReader.summary(message), message.propertyMap(),
                RemotingAddresses.toAddress(message.bornHost()), RemotingAddresses.toAddress(message.storeHost()),
                message.sysFlag(), BodyPreview.of(message.body(), message.sysFlag()), groups.consumption(message));
    }

    StoredMessage require(String offsetMsgId) {
        if (RetryMessages.physicalOffsetOf(offsetMsgId) < 0) {
            throw new IllegalArgumentException("'" + offsetMsgId + "' is not a broker message id (offsetMsgId: 32 "
                    + "or 56 hex digits).");
        }
        StoredMessage message = lookByOffsetMsgId(offsetMsgId);
        if (message == null) {
            throw new NoSuchElementException("There is no message " + offsetMsgId + " in this broker's store.");
        }
        return message;
    }

    /** CONSUME_MESSAGE_DIRECTLY: one member of the group runs its listener on the message and says how it went. */
    MessageViews.ConsumeResult resendToGroup(String offsetMsgId, MessageViews.ResendToGroup request,
            InetSocketAddress peer) {
        StoredMessage message = require(offsetMsgId);
        String group = request.group();
        List<String> members = group == null ? List.of() : consumers.consumerIds(group);
        if (members.isEmpty()) {
            throw new IllegalStateException("The group " + group + " has no member online to consume the message.");
        }
        String clientId = request.clientId() == null || request.clientId().isBlank() ? members.get(0)
                : request.clientId();
        if (!members.contains(clientId)) {
            throw new NoSuchElementException("The client " + clientId + " is not an online member of " + group
                    + ".");
        }
        RemotingCommand response = admin.invoke(RequestCode.CONSUME_MESSAGE_DIRECTLY,
                new ConsumeMessageDirectlyResultRequestHeader(group, clientId, offsetMsgId, null,
                        message.topic()), null, peer);
        AdminAnswers.check(response, "have " + clientId + " consume the message");
        Map<?, ?> result = response.body() == null ? Map.of() : RemotingJson.decode(response.body(), Map.class);
        return new MessageViews.ConsumeResult(clientId, String.valueOf(result.get("consumeResult")),
                result.get("remark") == null ? null : String.valueOf(result.get("remark")));
    }
}
