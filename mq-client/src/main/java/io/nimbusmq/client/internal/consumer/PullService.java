package io.nimbusmq.client.internal.consumer;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.nimbusmq.client.ReceivedMessage;
import io.nimbusmq.client.consumer.ConsumeMode;
import io.nimbusmq.client.internal.message.PulledMessages;
import io.nimbusmq.client.internal.remoting.ClientRemoting;
import io.nimbusmq.client.internal.route.BrokerChoice;
import io.nimbusmq.client.internal.route.TopicRouteTable;
import io.nimbusmq.remoting.protocol.HeaderFieldException;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.ResponseCode;
import io.nimbusmq.remoting.protocol.body.BrokerData;
import io.nimbusmq.remoting.protocol.body.client.MessageQueue;
import io.nimbusmq.remoting.protocol.body.client.SubscriptionData;
import io.nimbusmq.remoting.protocol.header.PullMessageRequestHeader;
import io.nimbusmq.remoting.protocol.header.PullMessageResponseHeader;
import io.nimbusmq.remoting.protocol.header.PullSysFlag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The long-polling pull loop of a push consumer, one chain of PULL_MESSAGE (11) requests per assigned queue
 * (remoting-protocol.md §4.2): the broker holds a pull that finds nothing for up to 15 s. Before each pull the queue's
 * flow control is checked (waiting messages and bytes, and for concurrent consumption the offset span); errors
 * back off 3 s, and a pull that found messages is followed by the next after the config's {@code pullInterval}
 * (0). A response with messages is handled where it arrives, on the connection's I/O thread: decoding and
 * handing the messages to the consume pool never block, and it saves a thread hand-off (and wake-up) per delivery;
 * every other response and failure, whose handling may fetch a route or persist an offset, goes to the client's
 * worker pool. The next pull is always started from the worker pool.
 *
 * <p>Which member of the queue's broker group a pull goes to is the official client's choice ({@link BrokerChoice}):
 * the broker id the last answer suggested ({@code suggestWhichBrokerId}; the master at first), else any member, so a
 * queue whose master the name server dropped is read from its slave, without asking the slave to commit the offset.
 * A failed pull refreshes the topic's route; when the route names another member now (the name server dropped a dead
 * master), the next pull goes there at once, else after the usual back-off. A slave that finds nothing redirects to
 * its master (PULL_RETRY_IMMEDIATELY); while that master is not routed, the next pull waits
 * {@value #DELAY_WHILE_MASTER_GONE_MILLIS} ms rather than spin on the slave.
 */
final class PullService {

    static final long BROKER_SUSPEND_MILLIS = 15_000;
    static final long PULL_TIMEOUT_MILLIS = 30_000;
    static final long DELAY_ON_ERROR_MILLIS = 3_000;
    static final long DELAY_ON_FLOW_CONTROL_MILLIS = 50;
    static final long MAX_SPAN = 2_000;
    static final long DELAY_WHILE_MASTER_GONE_MILLIS = 1_000;
    static final long DELAY_WHILE_PAUSED_MILLIS = 200;
    /** The answers that carry a {@link PullMessageResponseHeader}. */
    private static final Set<Integer> FOUND_OR_MOVED = Set.of(ResponseCode.SUCCESS, ResponseCode.PULL_NOT_FOUND,
            ResponseCode.PULL_RETRY_IMMEDIATELY, ResponseCode.PULL_OFFSET_MOVED);

    private static final Logger log = LoggerFactory.getLogger(PullService.class);

    /**
     * One queue's pull chain; {@code nextOffset} and {@code brokerId} (the member the last answer suggested) are owned
     * by whichever thread runs the chain's current step.
     */
    static final class PullRequest {
        final MessageQueue queue;
        final ProcessQueue processQueue;
        volatile long nextOffset;
        volatile long brokerId = BrokerData.MASTER_ID;

        PullRequest(MessageQueue queue, ProcessQueue processQueue, long nextOffset) {
            this.queue = queue;
            this.processQueue = processQueue;
            this.nextOffset = nextOffset;
        }
    }

    private final ConsumerContext context;
    private final ConsumeService consumeService;
    private final Map<String, SubscriptionData> subscriptions;
    private final BooleanSupplier running;
    private final BooleanSupplier paused;

    /** @param paused while true, each queue's next pull is put off by {@value #DELAY_WHILE_PAUSED_MILLIS} ms */
    PullService(ConsumerContext context, ConsumeService consumeService, Map<String, SubscriptionData> subscriptions,
            BooleanSupplier running, BooleanSupplier paused) {
        this.context = context;
        this.consumeService = consumeService;
        this.subscriptions = subscriptions;
        this.running = running;
        this.paused = paused;
    }

    void start(MessageQueue queue, ProcessQueue processQueue, long offset) {
        context.services().workers().execute(() -> pull(new PullRequest(queue, processQueue, offset)));
    }

    /**
     * Hands pulled messages to the consume service; while the consumer is paused they wait in the process queue
     * (counted by flow control) and are handed over once it resumes, so a long poll that was already out when the
     * consumer paused delivers nothing until then.
     */
    private void submit(PullRequest request, List<ReceivedMessage> messages, boolean dispatch) {
        if (!running.getAsBoolean() || request.processQueue.isDropped()) {
            return;
        }
        if (paused.getAsBoolean()) {
            context.services().scheduler().schedule(() -> context.services().workers().execute(() ->
                    submit(request, messages, dispatch)), DELAY_WHILE_PAUSED_MILLIS, TimeUnit.MILLISECONDS);
            return;
        }
        consumeService.submit(request.queue, request.processQueue, messages, dispatch);
    }

    private void later(PullRequest request, long delayMillis) {
        if (!running.getAsBoolean() || request.processQueue.isDropped()) {
            return;
        }
        if (delayMillis <= 0) {
            context.services().workers().execute(() -> pull(request));
        } else {
            request.processQueue.pullPutOff();
            context.services().scheduler().schedule(() -> context.services().workers().execute(() -> pull(request)),
                    delayMillis, TimeUnit.MILLISECONDS);
        }
    }

    private void pull(PullRequest request) {
        ProcessQueue processQueue = request.processQueue;
        if (!running.getAsBoolean() || processQueue.isDropped()) {
            return;
        }
        if (paused.getAsBoolean()) {
            later(request, DELAY_WHILE_PAUSED_MILLIS);
            return;
        }
        if (processQueue.count() > context.config().pullThresholdForQueue()
                || processQueue.bodyBytes() > context.config().pullThresholdSizeForQueueMiB() * 1024L * 1024L
                || context.config().consumeMode() == ConsumeMode.CONCURRENTLY && processQueue.span() > MAX_SPAN) {
            later(request, DELAY_ON_FLOW_CONTROL_MILLIS);
            return;
        }
        if (context.config().consumeMode() == ConsumeMode.ORDERLY && context.clustering()
                && !processQueue.isLocked()) {
            later(request, DELAY_ON_ERROR_MILLIS);
            return;
        }
        SubscriptionData subscription = subscriptions.get(request.queue.topic());
        BrokerChoice broker = brokerFor(request).orElse(null);
        if (subscription == null || broker == null) {
            later(request, DELAY_ON_ERROR_MILLIS);
            return;
        }
        long commitOffset = context.clustering() ? context.offsets().readFromMemory(request.queue) : 0;
        int sysFlag = PullSysFlag.FLAG_SUSPEND
                | (commitOffset > 0 && !broker.slave() ? PullSysFlag.FLAG_COMMIT_OFFSET : 0);
        RemotingCommand pull = RemotingCommand.createRequest(RequestCode.PULL_MESSAGE, new PullMessageRequestHeader(
                context.group(), request.queue.topic(), request.queue.queueId(), request.nextOffset,
                context.config().pullBatchSize(), sysFlag, Math.max(0, commitOffset), BROKER_SUSPEND_MILLIS, null,
                subscription.subVersion(), subscription.expressionType(), null, request.queue.brokerName()));
        processQueue.pullSent();
        context.services().remoting().invoke(broker.address(), pull, PULL_TIMEOUT_MILLIS)
                .whenComplete((response, failure) -> {
                    processQueue.pullAnswered();
                    if (failure == null && response.code() == ResponseCode.SUCCESS) {
                        onResponse(request, broker, subscription, response); // on the I/O thread: see the class doc
                    } else {
                        context.services().workers().execute(() -> onFailureOrMiss(request, broker, subscription,
                                response, failure));
                    }
                });
    }

    /** On the worker pool: a failed pull, or an answer without messages. */
    private void onFailureOrMiss(PullRequest request, BrokerChoice broker, SubscriptionData subscription,
            RemotingCommand response, Throwable failure) {
        if (failure == null) {
            onResponse(request, broker, subscription, response);
            return;
        }
        log.debug("Pull of {} from {} failed: {}", request.queue, broker.address(),
                ClientRemoting.unwrap(failure).getMessage());
        context.services().routes().refresh(request.queue.topic());
        boolean movedOn = brokerFor(request).filter(next -> !next.address().equals(broker.address())).isPresent();
        later(request, movedOn ? 0 : DELAY_ON_ERROR_MILLIS);
    }

    /** The member of the queue's broker group to pull from; the route is fetched again once if none is known. */
    private Optional<BrokerChoice> brokerFor(PullRequest request) {
        TopicRouteTable routes = context.services().routes();
        Optional<BrokerChoice> broker = routes.subscribeAddress(request.queue.brokerName(), request.brokerId, false);
        if (broker.isEmpty()) {
            routes.refresh(request.queue.topic());
            broker = routes.subscribeAddress(request.queue.brokerName(), request.brokerId, false);
        }
        return broker;
    }

    private void onResponse(PullRequest request, BrokerChoice broker, SubscriptionData subscription,
            RemotingCommand response) {
        ProcessQueue processQueue = request.processQueue;
        PullMessageResponseHeader header = null;
        if (FOUND_OR_MOVED.contains(response.code())) {
            try {
                header = PullMessageResponseHeader.readFrom(response);
            } catch (HeaderFieldException e) {
                log.warn("Pull of {} answered {} with a malformed header: {}", request.queue, response.code(),
                        e.getMessage());
                later(request, DELAY_ON_ERROR_MILLIS);
                return;
            }
            request.brokerId = header.suggestWhichBrokerId();
        }
        switch (response.code()) {
            case ResponseCode.SUCCESS -> {
                request.nextOffset = header.nextBeginOffset();
                List<ReceivedMessage> messages = PulledMessages.decodeAll(response.body(), request.queue.brokerName())
                        .stream().filter(m -> matches(subscription, m)).toList();
                if (!messages.isEmpty() && running.getAsBoolean() && !processQueue.isDropped()) {
                    boolean dispatch = processQueue.put(messages);
                    submit(request, messages, dispatch);
                } else if (messages.isEmpty()) {
                    correctOffset(request);
                }
                later(request, context.config().pullInterval().toMillis());
            }
            case ResponseCode.PULL_NOT_FOUND, ResponseCode.PULL_RETRY_IMMEDIATELY -> {
                request.nextOffset = header.nextBeginOffset();
                correctOffset(request);
                later(request, redirectedToAbsentMaster(request, broker, response) ? DELAY_WHILE_MASTER_GONE_MILLIS
                        : 0);
            }
            case ResponseCode.PULL_OFFSET_MOVED -> {
                long next = header.nextBeginOffset();
                log.warn("Offset {} of {} is illegal; continuing at {}", request.nextOffset, request.queue, next);
                request.nextOffset = next;
                if (processQueue.count() == 0) {
                    context.offsets().update(request.queue, next, false);
                    context.offsets().persist(request.queue);
                }
                later(request, 0);
            }
            default -> {
                if (response.code() == ResponseCode.SUBSCRIPTION_NOT_EXIST
                        || response.code() == ResponseCode.SUBSCRIPTION_NOT_LATEST) {
                    context.services().heartbeatNow().run();
                }
                log.debug("Pull of {} answered {} {}", request.queue, ResponseCode.describe(response.code()), response.remark());
                later(request, DELAY_ON_ERROR_MILLIS);
            }
        }
    }

    /** A slave found nothing and sent us to its master, but the next pull would go to the same slave. */
    private boolean redirectedToAbsentMaster(PullRequest request, BrokerChoice broker, RemotingCommand response) {
        return response.code() == ResponseCode.PULL_RETRY_IMMEDIATELY && broker.slave()
                && brokerFor(request).map(next -> next.address().equals(broker.address())).orElse(true);
    }

    /** With nothing waiting, what the broker skipped (no message, or none matching) counts as consumed. */
    private void correctOffset(PullRequest request) {
        if (request.processQueue.count() == 0) {
            context.offsets().update(request.queue, request.nextOffset, true);
        }
    }

    /** The client-side tag check: the broker filters by tag hash only. */
    static boolean matches(SubscriptionData subscription, ReceivedMessage message) {
        if (!subscription.tagExpression() || subscription.tagsSet().isEmpty()) {
            return true;
        }
        return message.tags() != null && subscription.tagsSet().contains(message.tags());
    }
}
