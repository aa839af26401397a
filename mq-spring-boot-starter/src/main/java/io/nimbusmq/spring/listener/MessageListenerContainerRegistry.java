package io.nimbusmq.spring.listener;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;

import io.nimbusmq.client.consumer.PushConsumer;
import io.nimbusmq.client.consumer.QueueSeeker;
import io.nimbusmq.remoting.protocol.body.client.MessageQueue;

/**
 * Owns the listener containers, like spring-kafka's endpoint registry: starts them when the application is ready (or
 * at refresh, or on demand, see {@link ListenerStartup}), lets code (and the {@code mqlisteners} Actuator endpoint)
 * pause, resume, stop and start each by its id, and at shutdown stops them all at once: each stops pulling, drains its
 * in-flight messages within the shutdown timeout and commits its offsets. Stopped before the producers and the client.
 *
 * <p>A context stopped and started again (Spring's test context cache pauses inactive contexts) restarts the
 * listeners its stop stopped, whatever the startup mode. Listeners with {@code autoStartup = false} start only by id.
 *
 * <p>With {@code READY}, listeners start after the {@code ApplicationRunner}s and {@code CommandLineRunner}s return: a
 * runner that waits for its own listener waits forever. When the application has runners, that is logged at INFO
 * as they begin ({@code mq.listener.startup=REFRESH} starts listeners before them).
 *
 * <p>Publishes {@link ListenerStartedEvent} and {@link ListenerStoppedEvent} as each listener starts and stops, and
 * through its {@link ListenerMonitor}, {@link ListenerIdleEvent} and {@link ListenerNotResponsiveEvent}.
 *
 * <p>While listeners run, a non-daemon thread ({@link ListenerKeepAlive}) keeps the JVM up, so that an application
 * without a web server does not exit after start-up.
 */
public class MessageListenerContainerRegistry
        implements SmartLifecycle, ApplicationListener<SpringApplicationEvent>, ApplicationContextAware {

    /** Stopped early (before web servers and producers), started last. */
    public static final int PHASE = Integer.MAX_VALUE - 1000;

    private static final Logger log = LoggerFactory.getLogger(MessageListenerContainerRegistry.class);

    private final MessageListenerEndpointRegistrar registrar;
    private final Function<String, MessageListenerContainerFactory> factories;
    private final ListenerStartup startup;
    private final Duration shutdownTimeout;
    private final Predicate<MessageListenerEndpoint> enabled;
    private final ConsumerGroupConsistencyCheck consistency;
    private final Map<String, MessageListenerContainer> containers = new ConcurrentHashMap<>();
    private final Set<String> stoppedByStop = new LinkedHashSet<>();
    private final ListenerKeepAlive keepAlive = new ListenerKeepAlive();
    private final ListenerMonitor monitor = new ListenerMonitor(() -> List.copyOf(containers.values()),
            this::publish);
    private ApplicationContext context;
    private volatile boolean running;

    /**
     * @param factories   the container factory of each name, the default one for the empty name
     * @param consistency checks each listener's consumer group against its live members in other applications before
     *                    the listener joins; {@code null} to skip ({@code mq.consumer.check-group-consistency=false})
     */
    public MessageListenerContainerRegistry(MessageListenerEndpointRegistrar registrar,
            Function<String, MessageListenerContainerFactory> factories, ListenerStartup startup,
            Duration shutdownTimeout, Predicate<MessageListenerEndpoint> enabled,
            ConsumerGroupConsistencyCheck consistency) {
        this.registrar = registrar;
        this.factories = factories;
        this.startup = startup;
        this.shutdownTimeout = shutdownTimeout;
        this.enabled = enabled;
        this.consistency = consistency;
    }

    @Override
    public void setApplicationContext(ApplicationContext applicationContext) {
        this.context = applicationContext;
    }

    /** The container of a consumer group, once started. */
    public MessageListenerContainer container(String group) {
        return containers.get(group);
    }

    /** The running (or paused) container of the listener with this id, or null. */
    public MessageListenerContainer listenerContainer(String id) {
        return containers.values().stream().filter(c -> c.endpoint().id().equals(id)).findFirst().orElse(null);
    }

    public List<MessageListenerContainer> containers() {
        return List.copyOf(containers.values());
    }

    /** Every registered listener and its state, in registration order. */
    public List<ListenerInfo> listeners() {
        List<ListenerInfo> infos = new ArrayList<>();
        for (MessageListenerEndpoint endpoint : registrar.endpoints()) {
            MessageListenerContainer container = containers.get(endpoint.group());
            ListenerState state = !enabled.test(endpoint) ? ListenerState.DISABLED
                    : container == null ? ListenerState.STOPPED
                    : container.isPaused() ? ListenerState.PAUSED : ListenerState.RUNNING;
            infos.add(new ListenerInfo(endpoint.id(), endpoint.group(), String.join(",", endpoint.topics()), state));
        }
        return infos;
    }

    /**
     * Starts every enabled listener with {@code autoStartup} not started yet, after checking all their consumer
     * groups.
     *
     * @throws InconsistentConsumerGroupException when live members of a group subscribe differently (then none of
     *                                            these listeners starts)
     */
    public synchronized void startContainers() {
        start(registrar.endpoints().stream().filter(MessageListenerEndpoint::autoStartup).toList());
    }

    /**
     * Starts one listener by its id (also one with {@code autoStartup = false}); nothing if it runs already.
     *
     * @throws IllegalArgumentException when no listener has this id, or it is disabled
     */
    public synchronized void startContainer(String id) {
        MessageListenerEndpoint endpoint = endpoint(id);
        if (!enabled.test(endpoint)) {
            throw new IllegalArgumentException("listener " + id + " is disabled by mq.listeners." + endpoint.group()
                    + ".enabled=false");
        }
        start(List.of(endpoint));
    }

    /** Stops one listener by its id: it leaves its group, draining and committing; it may be started again. */
    public void stopContainer(String id) {
        endpoint(id);
        MessageListenerContainer container;
        synchronized (this) {
            container = listenerContainer(id);
            if (container == null) {
                return;
            }
            containers.remove(container.endpoint().group());
        }
        container.stop(shutdownTimeout);
        publish(new ListenerStoppedEvent(container));
        synchronized (this) {
            if (containers.isEmpty()) {
                keepAlive.stop();
                monitor.stop();
            }
        }
    }

    /** Pauses one listener by its id: no new pulls, its queues stay assigned (no rebalance). */
    public void pause(String id) {
        runningContainer(id).pause();
    }

    /** Resumes a paused listener. */
    public void resume(String id) {
        runningContainer(id).resume();
    }

    private void start(List<MessageListenerEndpoint> endpoints) {
        List<MessageListenerEndpoint> starting = new ArrayList<>();
        for (MessageListenerEndpoint endpoint : endpoints) {
            if (containers.containsKey(endpoint.group())) {
                continue;
            }
            if (!enabled.test(endpoint)) {
                log.info("Listener {} (group {}) is disabled by mq.listeners.{}.enabled=false", endpoint.id(),
                        endpoint.group(), endpoint.group());
                continue;
            }
            starting.add(endpoint);
        }
        // every container is made (its connection found, its settings checked) before any starts
        List<MessageListenerContainer> created = starting.stream()
                .map(endpoint -> factories.apply(endpoint.containerFactory()).create(endpoint)).toList();
        if (consistency != null) {
            created.forEach(container -> consistency.check(container.endpoint(), container.client()));
        }
        for (MessageListenerContainer container : created) {
            container.start();
            containers.put(container.endpoint().group(), container);
            publish(new ListenerStartedEvent(container));
        }
        if (!containers.isEmpty()) {
            keepAlive.start();
            monitor.start();
        }
    }

    /**
     * The seeker of running listener {@code id}: moves where its queues are read (see {@link QueueSeeker}), e.g.
     * {@code registry.seeker("orders").seekToBeginning(registry.assignment("orders"))}.
     *
     * @throws IllegalStateException when the listener is not running
     */
    public QueueSeeker seeker(String id) {
        PushConsumer consumer = runningContainer(id).consumer();
        if (consumer == null) {
            throw new IllegalStateException("listener " + id + " is not running; start it first");
        }
        return consumer;
    }

    /** The queues running listener {@code id} holds now. */
    public List<MessageQueue> assignment(String id) {
        PushConsumer consumer = runningContainer(id).consumer();
        return consumer == null ? List.of() : consumer.assignment();
    }

    private MessageListenerEndpoint endpoint(String id) {
        return registrar.endpoints().stream().filter(e -> e.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no listener with id " + id + "; listeners: "
                        + registrar.endpoints().stream().map(MessageListenerEndpoint::id).toList()));
    }

    private MessageListenerContainer runningContainer(String id) {
        endpoint(id);
        MessageListenerContainer container = listenerContainer(id);
        if (container == null) {
            throw new IllegalStateException("listener " + id + " is not running; start it first");
        }
        return container;
    }

    @Override
    public void onApplicationEvent(SpringApplicationEvent event) {
        ApplicationContext source = event instanceof ApplicationStartedEvent started
                ? started.getApplicationContext()
                : event instanceof ApplicationReadyEvent ready ? ready.getApplicationContext() : null;
        if (source == null || context != null && source != context || startup != ListenerStartup.READY) {
            return;
        }
        if (event instanceof ApplicationStartedEvent) {
            logListenersWaitForRunners();
        } else if (running) {
            startContainers();
        }
    }

    /** Listeners start after the runners return (READY): say so when there are runners, as they begin. */
    private void logListenersWaitForRunners() {
        if (context == null || registrar.endpoints().isEmpty()) {
            return;
        }
        List<String> runners = new ArrayList<>();
        runners.addAll(List.of(context.getBeanNamesForType(ApplicationRunner.class)));
        runners.addAll(List.of(context.getBeanNamesForType(CommandLineRunner.class)));
        if (!runners.isEmpty()) {
            log.info("The application runners {} run before listeners {} start (mq.listener.startup=READY): a "
                    + "runner that waits for one of these listeners waits forever; set mq.listener.startup=REFRESH "
                    + "to start listeners before the runners", runners,
                    registrar.endpoints().stream().map(MessageListenerEndpoint::id).toList());
        }
    }

    /** At refresh (REFRESH), and after a stop: restarts what the stop stopped. */
    @Override
    public synchronized void start() {
        running = true;
        if (!stoppedByStop.isEmpty()) {
            List<MessageListenerEndpoint> again = registrar.endpoints().stream()
                    .filter(endpoint -> stoppedByStop.contains(endpoint.id())).toList();
            stoppedByStop.clear();
            log.info("Restarting listeners {} stopped with the context", again.stream()
                    .map(MessageListenerEndpoint::id).toList());
            start(again);
        } else if (startup == ListenerStartup.REFRESH) {
            startContainers();
        }
    }

    /** Stops every container in parallel, each draining within the shutdown timeout. */
    @Override
    public synchronized void stop() {
        running = false;
        List<MessageListenerContainer> stopping = new ArrayList<>(containers.values());
        containers.clear();
        stopping.forEach(container -> stoppedByStop.add(container.endpoint().id()));
        if (stopping.isEmpty()) {
            keepAlive.stop();
            monitor.stop();
            return;
        }
        log.info("Stopping {} listener(s), draining in-flight messages for up to {}", stopping.size(),
                shutdownTimeout);
        List<CompletableFuture<Boolean>> stops = new ArrayList<>();
        for (MessageListenerContainer container : stopping) {
            CompletableFuture<Boolean> stopped = new CompletableFuture<>();
            Thread thread = new Thread(() -> {
                try {
                    stopped.complete(container.stop(shutdownTimeout));
                    publish(new ListenerStoppedEvent(container));
                } catch (RuntimeException e) {
                    log.warn("Listener {} did not stop cleanly", container.endpoint().id(), e);
                    stopped.complete(false);
                }
            }, "mq-listener-stop-" + container.endpoint().group());
            thread.start();
            stops.add(stopped);
        }
        stops.forEach(CompletableFuture::join);
        keepAlive.stop();
        monitor.stop();
    }

    private void publish(MqListenerEvent event) {
        if (context == null) {
            return;
        }
        try {
            context.publishEvent(event);
        } catch (RuntimeException e) {
            log.warn("A listener of {} failed", event, e);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
