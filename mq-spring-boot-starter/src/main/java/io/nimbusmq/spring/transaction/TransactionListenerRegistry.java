package io.nimbusmq.spring.transaction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import io.nimbusmq.client.Message;
import io.nimbusmq.client.MqClient;
import io.nimbusmq.client.ReceivedMessage;
import io.nimbusmq.client.producer.LocalTransactionState;
import io.nimbusmq.client.producer.Producer;
import io.nimbusmq.client.producer.ProducerConfig;
import io.nimbusmq.client.producer.TransactionSendResult;
import io.nimbusmq.spring.support.MqMessageConverter;

/**
 * The application's transaction listeners, by producer group and topic, and one transactional producer per group.
 * Producers start with the application context (before listener containers) so that check-backs for half messages
 * left by a previous run are answered as soon as possible.
 *
 * <p>Binding rules, checked when a listener registers: a topic is bound to at most one listener; a producer group has
 * at most one catch-all listener (bound to no topic). A send finds the listener bound to its topic, else the only
 * catch-all listener of the application.
 */
public class TransactionListenerRegistry implements TransactionSender, SmartLifecycle {

    /** Started before listener containers ({@code MessageListenerContainerRegistry.PHASE}). */
    public static final int PHASE = Integer.MAX_VALUE - 2000;

    private static final Logger log = LoggerFactory.getLogger(TransactionListenerRegistry.class);

    private final MqClient client;
    private final String defaultProducerGroup;
    private final Function<String, ProducerConfig> producerConfigs;
    private final MqMessageConverter converter;
    private final List<TransactionBinding> bindings = new ArrayList<>();
    private final Map<String, Producer> producers = new ConcurrentHashMap<>();
    private volatile boolean running;

    public TransactionListenerRegistry(MqClient client, String defaultProducerGroup,
            Function<String, ProducerConfig> producerConfigs, MqMessageConverter converter) {
        this.client = client;
        this.defaultProducerGroup = defaultProducerGroup;
        this.producerConfigs = producerConfigs;
        this.converter = converter;
    }

    /** The group of listeners whose annotation names none ({@code mq.producer.transaction-group}). */
    public String defaultProducerGroup() {
        return defaultProducerGroup;
    }

    public synchronized void register(TransactionBinding binding) {
        for (TransactionBinding existing : bindings) {
            for (String topic : binding.topics()) {
                if (existing.topics().contains(topic)) {
                    throw new IllegalStateException("topic " + topic + " is bound to two transaction listeners: "
                            + existing.beanName() + " and " + binding.beanName());
                }
            }
            if (binding.isCatchAll() && existing.isCatchAll()
                    && existing.producerGroup().equals(binding.producerGroup())) {
                throw new IllegalStateException("producer group " + binding.producerGroup()
                        + " has two transaction listeners bound to no topic: " + existing.beanName() + " and "
                        + binding.beanName() + "; bind them to topics");
            }
        }
        bindings.add(binding);
        if (running) {
            producerFor(binding.producerGroup());
        }
    }

    public synchronized List<TransactionBinding> bindings() {
        return List.copyOf(bindings);
    }

    @Override
    public TransactionSendResult send(Message message, Object payload, Object argument) {
        TransactionBinding binding = forTopic(message.topic(), null).orElseThrow(() -> noneBound(message.topic()));
        Producer producer = producerFor(binding.producerGroup());
        return producer.sendInTransaction(message, new LocalExecution(binding, converter, payload), argument);
    }

    @Override
    public void start() {
        Map<String, Boolean> groups = new LinkedHashMap<>();
        bindings().forEach(binding -> groups.put(binding.producerGroup(), true));
        groups.keySet().forEach(this::producerFor);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        producers.values().forEach(Producer::close);
        producers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    private Producer producerFor(String group) {
        return producers.computeIfAbsent(group, name -> {
            Producer producer = client.transactionalProducer(producerConfigs.apply(name), half -> check(name, half));
            producer.start();
            log.info("Transactional producer {} started for listeners {}", name, bindings().stream()
                    .filter(binding -> binding.producerGroup().equals(name)).map(TransactionBinding::beanName)
                    .toList());
            return producer;
        });
    }

    private LocalTransactionState check(String group, ReceivedMessage half) {
        Optional<TransactionBinding> binding = forTopic(half.topic(), group);
        if (binding.isEmpty()) {
            log.warn("No transaction listener in producer group {} for topic {}: message {} stays unknown", group,
                    half.topic(), half.msgId());
            return LocalTransactionState.UNKNOW;
        }
        try {
            return LocalExecution.check(binding.get(), converter, half);
        } catch (RuntimeException e) {
            log.warn("Transaction check-back of message {} by {} failed; the broker will ask again", half.msgId(),
                    binding.get().beanName(), e);
            return LocalTransactionState.UNKNOW;
        }
    }

    /** The listener bound to {@code topic} (within {@code group} when given), else the single catch-all one. */
    private synchronized Optional<TransactionBinding> forTopic(String topic, String group) {
        List<TransactionBinding> candidates = bindings.stream()
                .filter(binding -> group == null || binding.producerGroup().equals(group)).toList();
        Optional<TransactionBinding> bound = candidates.stream().filter(b -> b.topics().contains(topic)).findFirst();
        if (bound.isPresent()) {
            return bound;
        }
        List<TransactionBinding> catchAll = candidates.stream().filter(TransactionBinding::isCatchAll).toList();
        if (catchAll.size() > 1) {
            throw new IllegalStateException("topic " + topic + " is bound to no transaction listener and several "
                    + "listeners are bound to no topic (" + catchAll.stream().map(TransactionBinding::beanName)
                    .toList() + "): bind one to the topic with @TransactionListener(topics = \"" + topic + "\")");
        }
        return catchAll.stream().findFirst();
    }

    private static IllegalStateException noneBound(String topic) {
        return new IllegalStateException("no transaction listener for topic " + topic + ": declare a bean "
                + "implementing MqTransactionListener annotated with @TransactionListener(topics = \"" + topic + "\")");
    }
}
