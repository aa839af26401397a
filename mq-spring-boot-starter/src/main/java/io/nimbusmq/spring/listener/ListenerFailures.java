package io.nimbusmq.spring.listener;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.nimbusmq.client.ReceivedMessage;
import io.nimbusmq.client.consumer.ConsumeStatus;
import io.nimbusmq.message.SystemTopics;
import io.nimbusmq.remoting.protocol.body.client.MessageModel;
import io.nimbusmq.spring.metrics.MqMetrics;

/**
 * One listener's failure handling, after its error handler (if any) has let a failure through:
 * <ul>
 *   <li>not retryable ({@link ExceptionClassifier}): {@link ConsumeStatus#DEAD_LETTER}, the message goes to
 *       {@code %DLQ%<group>} now; one WARN with the stack trace;</li>
 *   <li>retryable, retries left: {@link ConsumeStatus#RETRY}; one concise WARN line (no stack trace) per attempt;</li>
 *   <li>retryable, last attempt ({@code reconsumeTimes} at the maximum): RETRY, which the client turns into a dead
 *       letter; the WARN carries the stack trace.</li>
 * </ul>
 * Dead letters are counted and handed to the {@link MqDeadLetterHandler}s. BROADCASTING listeners, which neither
 * retry nor dead-letter, log the drop with the stack trace.
 */
final class ListenerFailures {

    private static final Logger log = LoggerFactory.getLogger(ListenerFailures.class);

    private final MessageListenerEndpoint endpoint;
    private final ListenerFailurePolicy policy;
    private final int maxReconsumeTimes;
    private final MqMetrics metrics;

    /** @param maxReconsumeTimes retries before the dead-letter topic; {@link Integer#MAX_VALUE} for unbounded */
    ListenerFailures(MessageListenerEndpoint endpoint, ListenerFailurePolicy policy, int maxReconsumeTimes,
            MqMetrics metrics) {
        this.endpoint = endpoint;
        this.policy = policy;
        this.maxReconsumeTimes = maxReconsumeTimes;
        this.metrics = metrics;
    }

    ConsumeStatus onFailure(List<ReceivedMessage> messages, Throwable failure) {
        ReceivedMessage first = messages.get(0);
        String what = messages.size() == 1 ? "message " + first.msgId() : messages.size() + " messages (first "
                + first.msgId() + ")";
        String dlq = SystemTopics.dlqTopic(endpoint.group());
        metrics.consumeFailed(first.topic(), endpoint.group(), messages.size());
        if (endpoint.messageModel() == MessageModel.BROADCASTING) {
            log.warn("Listener {} failed on {} of {}; BROADCASTING listeners do not retry, so it is dropped",
                    endpoint.id(), what, first.topic(), failure);
            return ConsumeStatus.RETRY;
        }
        if (!policy.classifier().isRetryable(failure)) {
            log.warn("Listener {} cannot process {} of {}: {} is not retryable, so it goes to {} now", endpoint.id(),
                    what, first.topic(), failure.getClass().getSimpleName(), dlq, failure);
            deadLettered(messages, failure, DeadLetter.Reason.NOT_RETRYABLE);
            return ConsumeStatus.DEAD_LETTER;
        }
        int attempt = first.reconsumeTimes() + 1;
        if (first.reconsumeTimes() >= maxReconsumeTimes) {
            log.warn("Listener {} failed on {} of {} at its last attempt ({} of {}); it goes to {}", endpoint.id(),
                    what, first.topic(), attempt, attempt, dlq, failure);
            deadLettered(messages, failure, DeadLetter.Reason.RETRIES_EXHAUSTED);
            return ConsumeStatus.RETRY;
        }
        log.warn("Listener {} failed on {} of {} (attempt {}{}): {}; retrying later", endpoint.id(), what,
                first.topic(), attempt, maxReconsumeTimes == Integer.MAX_VALUE ? "" : " of " + (maxReconsumeTimes + 1),
                describe(failure));
        metrics.retried(first.topic(), endpoint.group(), messages.size());
        return ConsumeStatus.RETRY;
    }

    private void deadLettered(List<ReceivedMessage> messages, Throwable failure, DeadLetter.Reason reason) {
        metrics.deadLettered(messages.get(0).topic(), endpoint.group(), messages.size());
        for (ReceivedMessage message : messages) {
            DeadLetter deadLetter = new DeadLetter(endpoint.id(), endpoint.group(), message, failure, reason);
            for (MqDeadLetterHandler handler : policy.deadLetterHandlers()) {
                try {
                    handler.onDeadLetter(deadLetter);
                } catch (RuntimeException e) {
                    log.warn("Dead-letter handler {} failed on message {} of listener {}", handler, message.msgId(),
                            endpoint.id(), e);
                }
            }
        }
    }

    /** The failure in one line: its type and message, and its root cause's when that differs. */
    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String line = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        return root == failure ? line : line + " (caused by " + root.getClass().getSimpleName() + ": "
                + root.getMessage() + ")";
    }
}
