package io.nimbusmq.client.internal.producer;

import java.util.Set;
import java.util.concurrent.CompletableFuture;

import io.nimbusmq.client.MqClientException;
import io.nimbusmq.client.SendResult;
import io.nimbusmq.client.SendStatus;
import io.nimbusmq.client.internal.ClientServices;
import io.nimbusmq.client.internal.remoting.ClientRemoting;
import io.nimbusmq.client.internal.route.TopicPublishInfo;
import io.nimbusmq.message.SystemTopics;
import io.nimbusmq.remoting.protocol.HeaderFieldException;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.ResponseCode;
import io.nimbusmq.remoting.protocol.body.client.MessageQueue;
import io.nimbusmq.remoting.protocol.header.SendMessageRequestHeader;
import io.nimbusmq.remoting.protocol.header.SendMessageResponseHeader;

/**
 * Sends one {@link OutgoingMessage}: picks a queue, writes the SEND_MESSAGE_V2 header (remoting-protocol.md §4.1),
 * and retries on another queue, avoiding the broker that just failed, while the response code is retryable and the
 * send timeout allows. Every step after the first runs on the client's worker pool, never on an I/O thread.
 */
public final class MessageSender {

    /** Codes the official producer retries on. */
    static final Set<Integer> RETRYABLE_CODES = Set.of(ResponseCode.TOPIC_NOT_EXIST, ResponseCode.SERVICE_NOT_AVAILABLE,
            ResponseCode.SYSTEM_ERROR, ResponseCode.SYSTEM_BUSY, ResponseCode.NO_PERMISSION, ResponseCode.NO_BUYER_ID,
            ResponseCode.NOT_IN_CURRENT_UNIT, ResponseCode.GO_AWAY);

    /** Chooses the queue of an attempt; {@code lastFailedBroker} is null on the first one. */
    @FunctionalInterface
    public interface QueueChoice {
        MessageQueue choose(TopicPublishInfo info, String lastFailedBroker);
    }

    private final ClientServices services;
    private final String group;
    private final int defaultTopicQueueNums;
    private final LatencyFaultTolerance faults;

    public MessageSender(ClientServices services, String group, int defaultTopicQueueNums,
            LatencyFaultTolerance faults) {
        this.services = services;
        this.group = group;
        this.defaultTopicQueueNums = defaultTopicQueueNums;
        this.faults = faults;
    }

    /** Round-robin over the topic's queues, skipping the last failed broker and brokers in fault isolation. */
    public QueueChoice roundRobin() {
        return (info, lastFailed) -> {
            long now = System.currentTimeMillis();
            return info.select(q -> !q.brokerName().equals(lastFailed) && faults.isAvailable(q.brokerName(), now));
        };
    }

    /** The queue {@code hashKey} maps to: same key, same queue, as long as the topic's queues stay the same. */
    public static QueueChoice byHashKey(String hashKey) {
        return (info, lastFailed) -> info.queues().get(Math.floorMod(hashKey.hashCode(), info.queues().size()));
    }

    /**
     * Sends with up to {@code attempts} attempts within {@code timeoutMillis}.
     *
     * @return completes with the result, or exceptionally with an {@link MqClientException}
     */
    public CompletableFuture<SendResult> send(OutgoingMessage message, QueueChoice choice, int attempts,
            long timeoutMillis) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        CompletableFuture<SendResult> result = new CompletableFuture<>();
        attempt(message, choice, attempts, 1, null, deadline, timeoutMillis, result);
        return result;
    }

    /** One oneway attempt; no answer, no retry. */
    public CompletableFuture<Void> sendOneway(OutgoingMessage message, QueueChoice choice) {
        TopicPublishInfo info = services.routes().publishInfo(message.topic(), defaultTopicQueueNums);
        MessageQueue queue = choice.choose(info, null);
        String address = brokerAddress(queue);
        return services.remoting().invokeOneway(address, request(message, queue));
    }

    private void attempt(OutgoingMessage message, QueueChoice choice, int attempts, int attempt,
            String lastFailedBroker, long deadline, long timeoutMillis, CompletableFuture<SendResult> result) {
        MessageQueue queue;
        String address;
        long lookupStarted = System.currentTimeMillis();
        try {
            TopicPublishInfo info = services.routes().publishInfo(message.topic(), defaultTopicQueueNums, deadline);
            queue = choice.choose(info, lastFailedBroker);
            address = brokerAddress(queue);
        } catch (MqClientException e) {
            retryOrFail(message, choice, attempts, attempt, lastFailedBroker, deadline, timeoutMillis, result, e);
            return;
        }
        long remaining = deadline - System.currentTimeMillis();
        if (remaining <= 0) {
            result.completeExceptionally(new MqClientException(MqClientException.NO_RESPONSE, "send to "
                    + message.topic() + " timed out after " + timeoutMillis + " ms: the route lookup of attempt "
                    + attempt + " took " + (System.currentTimeMillis() - lookupStarted) + " ms and left no time for "
                    + RequestCode.describe(message.requestCode()) + " to " + address));
            return;
        }
        long started = System.currentTimeMillis();
        services.remoting().invoke(address, request(message, queue), remaining).whenComplete((response, failure) -> {
            long latency = System.currentTimeMillis() - started;
            MqClientException error;
            if (failure != null) {
                MqClientException cause = (MqClientException) ClientRemoting.unwrap(failure);
                error = new MqClientException("send to " + message.topic() + " (attempt " + attempt + " of "
                        + attempts + ", " + timeoutMillis + " ms budget) failed at " + queue.brokerName() + ": "
                        + cause.getMessage(), cause);
                faults.record(queue.brokerName(), latency, true, System.currentTimeMillis());
            } else {
                try {
                    faults.record(queue.brokerName(), latency, false, System.currentTimeMillis());
                    result.complete(sendResult(message, queue, response));
                    return;
                } catch (MqClientException e) {
                    error = e;
                }
            }
            MqClientException finalError = error;
            boolean retryable = finalError.responseCode() == MqClientException.NO_RESPONSE
                    || RETRYABLE_CODES.contains(finalError.responseCode());
            if (!retryable) {
                result.completeExceptionally(finalError);
                return;
            }
            services.workers().execute(() -> retryOrFail(message, choice, attempts, attempt, queue.brokerName(),
                    deadline, timeoutMillis, result, finalError));
        });
    }

    private void retryOrFail(OutgoingMessage message, QueueChoice choice, int attempts, int attempt,
            String failedBroker, long deadline, long timeoutMillis, CompletableFuture<SendResult> result,
            MqClientException error) {
        if (attempt >= attempts || System.currentTimeMillis() >= deadline) {
            result.completeExceptionally(error);
            return;
        }
        services.routes().refresh(message.topic());
        try {
            attempt(message, choice, attempts, attempt + 1, failedBroker, deadline, timeoutMillis, result);
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
    }

    private String brokerAddress(MessageQueue queue) {
        return services.routes().masterAddress(queue.brokerName()).orElseThrow(() -> new MqClientException(
                MqClientException.NO_RESPONSE, "no master address for broker " + queue.brokerName()));
    }

    private RemotingCommand request(OutgoingMessage message, MessageQueue queue) {
        return RemotingCommand.createRequest(message.requestCode(), new SendMessageRequestHeader(group,
                message.topic(), SystemTopics.AUTO_CREATE_TOPIC_KEY, defaultTopicQueueNums, queue.queueId(),
                message.sysFlag(), System.currentTimeMillis(), message.flag(), message.properties(),
                message.reconsumeTimes(), false, message.maxReconsumeTimes(), message.batch(), queue.brokerName()))
                .setBody(message.body());
    }

    private SendResult sendResult(OutgoingMessage message, MessageQueue queue, RemotingCommand response) {
        SendStatus status = switch (response.code()) {
            case ResponseCode.SUCCESS -> SendStatus.SEND_OK;
            case ResponseCode.FLUSH_DISK_TIMEOUT -> SendStatus.FLUSH_DISK_TIMEOUT;
            case ResponseCode.FLUSH_SLAVE_TIMEOUT -> SendStatus.FLUSH_SLAVE_TIMEOUT;
            case ResponseCode.SLAVE_NOT_AVAILABLE -> SendStatus.SLAVE_NOT_AVAILABLE;
            default -> throw new MqClientException(response.code(), "send to " + queue + " failed: "
                    + ResponseCode.describe(response.code()) + ", " + response.remark());
        };
        SendMessageResponseHeader header;
        try {
            header = SendMessageResponseHeader.readFrom(response);
        } catch (HeaderFieldException e) {
            // the message may be stored: not retried, as a stored message would be sent twice
            throw new MqClientException(response.code(), "send to " + queue + " answered a malformed header: "
                    + e.getMessage());
        }
        return new SendResult(status, message.msgId(), header.msgId(),
                new MessageQueue(services.names().unwrap(queue.topic()), queue.brokerName(), header.queueId()),
                header.queueOffset(),
                header.transactionId());
    }
}
