package io.nimbusmq.spring.listener;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;

/**
 * Owns the listener containers: starts them when the application is ready (or at refresh, or on demand, see
 * {@link ListenerStartup}) and, at shutdown, stops them all at once: each stops pulling, drains its in-flight
 * messages within the shutdown timeout and commits its offsets. Stopped before the producers and the client.
 *
 * <p>While listeners run, a non-daemon thread ({@link ListenerKeepAlive}) keeps the JVM up, so that an application
 * without a web server does not exit after start-up.
 */
public class MessageListenerContainerRegistry
        implements SmartLifecycle, ApplicationListener<ApplicationReadyEvent>, ApplicationContextAware {

    /** Stopped early (before web servers and producers), started last. */
    public static final int PHASE = Integer.MAX_VALUE - 1000;

    private static final Logger log = LoggerFactory.getLogger(MessageListenerContainerRegistry.class);

    private final MessageListenerEndpointRegistrar registrar;
    private final MessageListenerContainerFactory factory;
    private final ListenerStartup startup;
    private final Duration shutdownTimeout;
    private final Predicate<MessageListenerEndpoint> enabled;
    private final ConsumerGroupConsistencyCheck consistency;
    private final Map<String, MessageListenerContainer> containers = new ConcurrentHashMap<>();
    private final ListenerKeepAlive keepAlive = new ListenerKeepAlive();
    private ApplicationContext context;
    private volatile boolean running;

    /**
     * @param consistency checks each listener's consumer group against its live members in other applications before
     *                    the listener joins; {@code null} to skip ({@code mq.consumer.check-group-consistency=false})
     */
    public MessageListenerContainerRegistry(MessageListenerEndpointRegistrar registrar,
            MessageListenerContainerFactory factory, ListenerStartup startup, Duration shutdownTimeout,
            Predicate<MessageListenerEndpoint> enabled, ConsumerGroupConsistencyCheck consistency) {
        this.registrar = registrar;
        this.factory = factory;
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

    public List<MessageListenerContainer> containers() {
        return List.copyOf(containers.values());
    }

    /**
     * Starts every enabled listener not started yet, after checking all their consumer groups.
     *
     * @throws InconsistentConsumerGroupException when live members of a group subscribe differently (then none of
     *                                            these listeners starts)
     */
    public synchronized void startContainers() {
        List<MessageListenerEndpoint> starting = new ArrayList<>();
        for (MessageListenerEndpoint endpoint : registrar.endpoints()) {
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
        if (consistency != null) {
            starting.forEach(consistency::check);
        }
        for (MessageListenerEndpoint endpoint : starting) {
            MessageListenerContainer container = factory.create(endpoint);
            container.start();
            containers.put(endpoint.group(), container);
        }
        if (!containers.isEmpty()) {
            keepAlive.start();
        }
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (startup == ListenerStartup.READY && running && (context == null
                || event.getApplicationContext() == context)) {
            startContainers();
        }
    }

    @Override
    public void start() {
        running = true;
        if (startup == ListenerStartup.REFRESH) {
            startContainers();
        }
    }

    /** Stops every container in parallel, each draining within the shutdown timeout. */
    @Override
    public synchronized void stop() {
        running = false;
        List<MessageListenerContainer> stopping = new ArrayList<>(containers.values());
        containers.clear();
        if (stopping.isEmpty()) {
            keepAlive.stop();
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
