package io.nimbusmq.client.internal.consumer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import io.nimbusmq.client.MqClientException;
import io.nimbusmq.client.ReceivedMessage;
import io.nimbusmq.client.consumer.ConsumeMode;
import io.nimbusmq.client.consumer.ConsumeResult;
import io.nimbusmq.client.consumer.ConsumeStatus;
import io.nimbusmq.client.consumer.ConsumerConfig;
import io.nimbusmq.client.consumer.MessageHandler;
import io.nimbusmq.client.consumer.PushConsumer;
import io.nimbusmq.client.consumer.QueueAssignmentListener;
import io.nimbusmq.client.consumer.QueueLag;
import io.nimbusmq.client.consumer.SelectorType;
import io.nimbusmq.client.consumer.Subscription;
import io.nimbusmq.client.internal.ClientServices;
import io.nimbusmq.client.internal.NamespaceNames;
import io.nimbusmq.client.internal.offset.LocalFileOffsetStore;
import io.nimbusmq.client.internal.offset.OffsetStore;
import io.nimbusmq.client.internal.offset.RemoteOffsetStore;
import io.nimbusmq.client.internal.producer.ClientProducer;
import io.nimbusmq.client.internal.rebalance.QueueAllocator;
import io.nimbusmq.filter.sql.SqlSelector;
import io.nimbusmq.filter.sql.SqlSyntaxException;
import io.nimbusmq.message.SystemTopics;
import io.nimbusmq.remoting.protocol.body.client.ConsumeType;
import io.nimbusmq.remoting.protocol.body.client.ConsumerData;
import io.nimbusmq.remoting.protocol.body.client.MessageModel;
import io.nimbusmq.remoting.protocol.body.client.MessageQueue;
import io.nimbusmq.remoting.protocol.body.client.SubscriptionData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Our {@link PushConsumer}: owns the assigned queues ({@link ProcessQueue}s), rebalances them every 20 s, when the
 * broker says the group changed and when a subscribed topic that had no route gets one ({@link MissingRouteWatch}),
 * starts a pull chain per new queue at the offset §8.3 gives, commits offsets every
 * 5 s, and shuts down gracefully (drain, commit what finished, unlock, leave the group).
 */
public final class ClientPushConsumer implements PushConsumer {

    private static final Logger log = LoggerFactory.getLogger(ClientPushConsumer.class);
    private static final long LOCK_INTERVAL_MILLIS = 20_000;

    private final ClientServices services;
    private final ConsumerConfig appConfig;
    private final ConsumerConfig config;
    private final NamespaceNames names;
    private final Runnable onClose;
    private final Map<String, SubscriptionData> subscriptions = new LinkedHashMap<>();
    private final Map<MessageQueue, ProcessQueue> table;
    private final List<ScheduledFuture<?>> tasks = new ArrayList<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final Object rebalanceMonitor = new Object();
    private final OffsetStore offsets;
    private final ConsumerContext context;
    private final QueueLocks locks;
    private final ConsumeService consumeService;
    private final PullService pulls;
    private final QueueAllocator allocator;
    private final StartOffsets startOffsets;
    private final MissingRouteWatch missingRoutes;
    private final SeekTargets seeks;
    private final AssignedQueues assigned;
    private volatile Set<MessageQueue> fixedAssignment;
    private volatile boolean running;
    private volatile boolean paused;
    private volatile boolean closed;

    /** @param config as the application gave it; its group and topics are wrapped in the client's namespace here */
    public ClientPushConsumer(ClientServices services, ConsumerConfig config, MessageHandler handler,
            Supplier<ClientProducer> innerProducer, Runnable onClose) {
        this.services = services;
        this.names = services.names();
        this.appConfig = config;
        this.config = names.wire(config);
        this.onClose = onClose;
        this.offsets = config.messageModel() == MessageModel.BROADCASTING
                ? LocalFileOffsetStore.open(config.offsetStoreDir(), this.config.group(),
                        offsetStoreName(services, config))
                : new RemoteOffsetStore(services, this.config.group());
        this.context = new ConsumerContext(services, this.config, unwrapping(handler, names), offsets,
                new SendBack(services, this.config.group(), innerProducer));
        this.locks = new QueueLocks(services, this.config.group());
        this.consumeService = config.consumeMode() == ConsumeMode.ORDERLY
                ? new OrderlyConsumeService(context, locks) : new ConcurrentConsumeService(context);
        this.pulls = new PullService(context, consumeService, subscriptions, () -> running, () -> paused);
        this.allocator = new QueueAllocator(services, this.config.group(), config.messageModel());
        this.startOffsets = new StartOffsets(services, config.consumeFromWhere(),
                config.consumeTimestamp().toEpochMilli(), offsets);
        this.missingRoutes = new MissingRouteWatch(services, this.config.group(),
                services.config().routeRefreshInterval().toMillis(), () -> running, topic -> onRouteFound());
        this.assigned = new AssignedQueues(context, locks, pulls, startOffsets, config.group());
        this.table = assigned.table();
        this.seeks = new SeekTargets(config.group(), names, startOffsets, table::containsKey, this::restartAt);
        long subVersion = System.currentTimeMillis();
        for (Subscription subscription : this.config.subscriptions()) {
            if (subscription.type() == SelectorType.SQL92) {
                checkSql92(config.group(), subscription);
            }
            subscriptions.put(subscription.topic(), subscription.type() == SelectorType.SQL92
                    ? SubscriptionData.ofSql92(subscription.topic(), subscription.expression(), subVersion)
                    : SubscriptionData.ofTags(subscription.topic(), subscription.expression(), subVersion));
        }
        if (context.clustering()) {
            String retryTopic = SystemTopics.retryTopic(this.config.group());
            subscriptions.putIfAbsent(retryTopic, SubscriptionData.ofTags(retryTopic, "*", subVersion));
        }
    }

    /**
     * Compiles a SQL92 selector as the broker will, so that a bad one fails here, with its column, whether or not the
     * topic exists yet (the broker's own check, CHECK_CLIENT_CONFIG, needs a route).
     */
    private static void checkSql92(String group, Subscription subscription) {
        try {
            SqlSelector.compile(subscription.expression());
        } catch (SqlSyntaxException e) {
            throw new IllegalArgumentException("consumer group " + group + ": the SQL92 selector '"
                    + subscription.expression() + "' of topic " + subscription.topic() + " does not compile: "
                    + e.getMessage(), e);
        }
    }

    /** The stable part of the BROADCASTING offset file's path: the configured name, else the instance name. */
    static String offsetStoreName(ClientServices services, ConsumerConfig config) {
        return config.offsetStoreName() != null ? config.offsetStoreName() : services.config().instanceName();
    }

    @Override
    public void start() {
        if (closed) {
            throw new IllegalStateException("consumer " + config.group() + " is closed");
        }
        if (!started.compareAndSet(false, true)) {
            return;
        }
        // retry topics are created by the first failed message, whose retry is delayed anyway: found by the rebalance
        List<String> unrouted = subscriptions.keySet().stream()
                .filter(topic -> services.routes().route(topic).isEmpty())
                .filter(topic -> !SystemTopics.isRetryTopic(topic)).toList();
        new SqlSubscriptionCheck(services, config.group()).check(subscriptions.values());
        running = true;
        services.heartbeatNow().run();
        services.workers().execute(this::rebalance);
        schedule(this::rebalance, config.rebalanceInterval().toMillis());
        unrouted.forEach(missingRoutes::watch);
        schedule(this::persistOffsets, config.persistOffsetInterval().toMillis());
        if (config.consumeMode() == ConsumeMode.ORDERLY && context.clustering()) {
            schedule(() -> locks.lockAll(table), LOCK_INTERVAL_MILLIS);
        } else if (context.clustering()) {
            schedule(() -> consumeService.expireOverdue(table), config.consumeTimeout().toMillis());
        }
        log.info("Push consumer {} started ({}, {}) as {}", config.group(), config.messageModel(),
                config.consumeMode(), services.clientId());
    }

    private void schedule(Runnable task, long periodMillis) {
        synchronized (tasks) {
            tasks.add(services.scheduler().scheduleWithFixedDelay(() -> services.workers().execute(() -> {
                try {
                    if (running) {
                        task.run();
                    }
                } catch (RuntimeException e) {
                    log.warn("Consumer {} task failed", config.group(), e);
                }
            }), periodMillis, periodMillis, TimeUnit.MILLISECONDS));
        }
    }

    /** The configuration as the application gave it (no namespace). */
    @Override
    public ConsumerConfig config() {
        return appConfig;
    }

    @Override
    public void setAssignmentListener(QueueAssignmentListener listener) {
        assigned.setAssignmentListener(listener);
    }

    /** A seek of a running consumer (see {@link AssignedQueues#restartAt}). */
    private void restartAt(MessageQueue queue, long queueOffset) {
        synchronized (rebalanceMonitor) {
            if (!running) {
                throw new IllegalStateException("consumer " + appConfig.group() + " is not running");
            }
            assigned.restartAt(queue, queueOffset);
        }
    }

    @Override
    public List<MessageQueue> assignment() {
        return assignedQueues().stream().filter(queue -> !SystemTopics.isRetryTopic(queue.topic()))
                .map(names::unwrap).toList();
    }

    @Override
    public void seek(MessageQueue queue, long queueOffset) {
        seeks.seek(queue, queueOffset);
    }

    @Override
    public void seekToBeginning(Collection<MessageQueue> queues) {
        seeks.seekToBeginning(queues);
    }

    @Override
    public void seekToEnd(Collection<MessageQueue> queues) {
        seeks.seekToEnd(queues);
    }

    @Override
    public void seekToTimestamp(Collection<MessageQueue> queues, Instant time) {
        seeks.seekToTimestamp(queues, time);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public void pause() {
        if (!paused) {
            paused = true;
            log.info("Push consumer {} paused: no new pulls, its queues stay assigned", config.group());
        }
    }

    @Override
    public void resume() {
        if (paused) {
            paused = false;
            log.info("Push consumer {} resumed", config.group());
        }
    }

    @Override
    public boolean isPaused() {
        return paused;
    }

    @Override
    public List<QueueLag> lag() {
        List<QueueLag> lags = new ArrayList<>();
        for (MessageQueue queue : assignedQueues()) {
            long consumed = offsets.readFromMemory(queue);
            if (consumed < 0) {
                consumed = offsets.readFromStore(queue);
            }
            if (consumed < 0) {
                continue;
            }
            try {
                lags.add(new QueueLag(names.unwrap(queue), startOffsets.maxOffset(queue), consumed));
            } catch (MqClientException e) {
                log.debug("Lag of {} for {} unknown: {}", queue, config.group(), e.getMessage());
            }
        }
        return lags;
    }

    /** Reads exactly {@code queues} (application names), without rebalancing with the group; before start. */
    public void assignFixed(List<MessageQueue> queues) {
        fixedAssignment = queues.stream().map(names::wrap).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** How the pull chain of {@code queue} (application name) went so far; empty when the queue is not held. */
    public Optional<ProcessQueue.PullCounts> pullCounts(MessageQueue queue) {
        return Optional.ofNullable(table.get(names.wrap(queue))).map(ProcessQueue::pullCounts);
    }

    /** Whether any of {@code messages} (as the handler saw them) is not finished yet in its process queue. */
    public boolean holdsAny(List<ReceivedMessage> messages) {
        for (ReceivedMessage m : messages) {
            ProcessQueue processQueue = table.get(names.wrap(new MessageQueue(m.topic(), m.brokerName(), m.queueId())));
            if (processQueue != null && processQueue.holds(m.queueOffset())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Commits what finished, then drops every process queue and forgets what it holds, so that handler calls still
     * running commit nothing and {@link #shutdown} does not wait for them: their messages are pulled again from the
     * committed offsets.
     */
    public void abandonUnfinished() {
        synchronized (rebalanceMonitor) {
            table.forEach((queue, processQueue) -> {
                long finished = processQueue.remove(List.of());
                if (finished >= 0) {
                    offsets.update(queue, finished, true);
                }
                processQueue.drop();
                processQueue.clear();
            });
        }
    }

    /** What this consumer reports in heartbeats; empty before start and after shutdown. */
    public Optional<ConsumerData> consumerData() {
        if (!running) {
            return Optional.empty();
        }
        return Optional.of(new ConsumerData(config.group(), ConsumeType.CONSUME_PASSIVELY, config.messageModel(),
                config.consumeFromWhere(), new LinkedHashSet<>(subscriptions.values()), false));
    }

    /** The broker says the group's members changed. */
    public void onConsumerIdsChanged() {
        if (running) {
            services.workers().execute(this::rebalance);
        }
    }

    /** A subscribed topic got its first route: let its brokers know this member, then take its queues. */
    private void onRouteFound() {
        services.heartbeatNow().run();
        rebalance();
    }

    /** Subscribed topics without a route yet, whose routes are looked up every few seconds. */
    public Set<String> topicsWithoutRoute() {
        return missingRoutes.watched();
    }

    /** Route lookups made for topics that had none (see {@link MissingRouteWatch}). */
    public int missingRouteLookups() {
        return missingRoutes.lookups();
    }

    /** The queues this consumer holds now, sorted. */
    public List<MessageQueue> assignedQueues() {
        return table.keySet().stream().sorted().toList();
    }

    /** Messages pulled and not finished yet, over all queues (flow control keeps this bounded). */
    public int cachedMessageCount() {
        return table.values().stream().mapToInt(ProcessQueue::count).sum();
    }

    public Map<String, SubscriptionData> subscriptions() {
        return Map.copyOf(subscriptions);
    }

    void rebalance() {
        synchronized (rebalanceMonitor) {
            if (!running) {
                return;
            }
            for (String topic : subscriptions.keySet()) {
                try {
                    Set<MessageQueue> fixed = fixedAssignment;
                    if (fixed != null) {
                        assigned.update(topic, fixed.stream().filter(q -> q.topic().equals(topic))
                                .collect(java.util.stream.Collectors.toSet()));
                        continue;
                    }
                    allocator.allocate(topic).ifPresent(queues -> assigned.update(topic, Set.copyOf(queues)));
                } catch (RuntimeException e) {
                    log.warn("Rebalance of {} for {} failed: {}", topic, config.group(), e.toString());
                }
            }
        }
    }

    private void persistOffsets() {
        offsets.persistAll(table.keySet());
    }

    @Override
    public boolean shutdown(Duration drainTimeout) {
        if (closed) {
            return true;
        }
        closed = true;
        boolean wasRunning = running;
        running = false;
        synchronized (tasks) {
            tasks.forEach(task -> task.cancel(false));
        }
        boolean drained = true;
        if (wasRunning) {
            long deadline = System.currentTimeMillis() + drainTimeout.toMillis();
            synchronized (rebalanceMonitor) {
                drained = awaitDrained(deadline);
                drained &= consumeService.shutdown(Math.max(1, deadline - System.currentTimeMillis()));
                drained &= table.values().stream().allMatch(pq -> pq.count() == 0);
                offsets.persistAllAndWait(table.keySet());
                if (config.consumeMode() == ConsumeMode.ORDERLY && context.clustering()) {
                    locks.unlockAll(table.keySet());
                }
                table.values().forEach(ProcessQueue::drop);
                table.clear();
            }
        } else {
            consumeService.shutdown(1);
        }
        offsets.close();
        onClose.run();
        log.info("Push consumer {} shut down{}", config.group(), drained ? "" : " before every message finished");
        return drained;
    }

    private boolean awaitDrained(long deadline) {
        while (System.currentTimeMillis() < deadline) {
            if (table.values().stream().allMatch(pq -> pq.count() == 0)) {
                return true;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    @Override
    public void close() {
        shutdown(config.shutdownDrainTimeout());
    }

    /** The application's handler seeing names without the namespace, both its whole-batch and part-way verdicts. */
    private static MessageHandler unwrapping(MessageHandler handler, NamespaceNames names) {
        return new MessageHandler() {
            @Override
            public ConsumeStatus handle(List<ReceivedMessage> messages) {
                return handler.handle(names.unwrap(messages));
            }

            @Override
            public ConsumeResult consume(List<ReceivedMessage> messages) {
                return handler.consume(names.unwrap(messages));
            }

            @Override
            public java.util.concurrent.CompletionStage<ConsumeResult> consumeAsync(List<ReceivedMessage> messages) {
                return handler.consumeAsync(names.unwrap(messages));
            }
        };
    }
}
