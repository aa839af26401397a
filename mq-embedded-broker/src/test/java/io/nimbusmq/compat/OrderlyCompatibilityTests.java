package io.nimbusmq.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeOrderlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerOrderly;
import org.apache.rocketmq.client.impl.consumer.ProcessQueue;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.MessageQueueSelector;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Orderly consumption with the official 5.3.1 push consumer ({@code MessageListenerOrderly}): 10,000 messages over 8
 * keys, each key sent in order to the queue its hash selects, consumed by two instances of one group, one of which
 * shuts down while messages are still being sent and consumed. The survivor takes over its queues.
 *
 * <p>What must hold: nothing is lost; each key's messages are consumed in the order they were sent; no queue is
 * locked by both instances at any sampled moment (the broker grants a queue lock to one client at a time), and no
 * queue is ever inside the listener of both instances at once. Redeliveries are tolerated only at the hand-over, as
 * RocketMQ allows them there (the leaving client unlocks its queues before it persists its last offsets, so the
 * survivor may start from an older committed offset): a message may be consumed again by the survivor only after the
 * leaving instance consumed it, and each key's order is checked after dropping such exact redeliveries.
 */
@Tag("compat")
class OrderlyCompatibilityTests {

    private static final int KEYS = 8;
    private static final int PER_KEY = 1_250;
    private static final int COUNT = KEYS * PER_KEY;
    /** At most this many messages sent and not yet consumed, so that sending lasts until near the end. */
    private static final int WINDOW = 1_000;
    private static final Duration LONG_PATIENCE = Duration.ofMinutes(4);

    @RegisterExtension
    static final CompatBroker broker = new CompatBroker();

    /** What both instances consumed, in consumption order, and the checks made while they consumed. */
    private static final class Ledger {
        final Map<String, List<Integer>> sequenceByKey = new ConcurrentHashMap<>();
        final Map<String, String> firstConsumerOf = new ConcurrentHashMap<>();
        final ConcurrentLinkedQueue<String> redeliveries = new ConcurrentLinkedQueue<>();
        final Map<Integer, String> insideListener = new ConcurrentHashMap<>();
        final ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
        final AtomicInteger consumed = new AtomicInteger();
        /** Senders take a permit per message, first consumptions give it back: sending keeps pace with consuming. */
        final Semaphore window = new Semaphore(WINDOW);
        final AtomicInteger sent = new AtomicInteger();
        final Map<String, AtomicInteger> consumedBy = new ConcurrentHashMap<>();
        volatile String stopped;

        MessageListenerOrderly listener(String instance) {
            consumedBy.put(instance, new AtomicInteger());
            return (batch, context) -> {
                int queueId = context.getMessageQueue().getQueueId();
                String other = insideListener.putIfAbsent(queueId, instance);
                if (other != null) {
                    violations.add("queue " + queueId + " consumed by " + instance + " while " + other + " was");
                }
                try {
                    batch.forEach(message -> record(instance, message));
                } finally {
                    insideListener.remove(queueId, instance);
                }
                return ConsumeOrderlyStatus.SUCCESS;
            };
        }

        private void record(String instance, MessageExt message) {
            if (instance.equals(stopped)) {
                violations.add(instance + " consumed " + body(message) + " after its shutdown returned");
            }
            String body = body(message);
            String key = body.substring(0, body.indexOf(':'));
            int sequence = Integer.parseInt(body.substring(body.indexOf(':') + 1));
            String first = firstConsumerOf.putIfAbsent(body, instance);
            if (first != null) {
                redeliveries.add(body + " by " + instance + " after " + first);
            } else {
                window.release();
            }
            sequenceByKey.computeIfAbsent(key, k -> new ArrayList<>());
            synchronized (sequenceByKey.get(key)) {
                sequenceByKey.get(key).add(sequence);
            }
            consumedBy.get(instance).incrementAndGet();
            consumed.incrementAndGet();
        }

        private static String body(MessageExt message) {
            return new String(message.getBody(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void twoOrderlyInstancesKeepEachKeysOrderAndLoseNothingWhenOneLeavesMidway() throws Exception {
        String topic = broker.createTopic("orderly", 4);
        String group = CompatBroker.uniqueName("cg");
        Ledger ledger = new Ledger();
        DefaultMQPushConsumer one = orderlyConsumer(group, topic, ledger.listener("one"));
        DefaultMQPushConsumer two = orderlyConsumer(group, topic, ledger.listener("two"));
        one.start();
        two.start();
        await("each instance locks 2 of the 4 queues").atMost(CompatBroker.PATIENCE).until(() ->
                lockedQueues(one, topic).size() == 2 && lockedQueues(two, topic).size() == 2);
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleWithFixedDelay(() -> {
            Set<MessageQueue> both = new HashSet<>(lockedQueues(one, topic));
            both.retainAll(lockedQueues(two, topic));
            if (!both.isEmpty()) {
                ledger.violations.add("locked by both instances at once: " + both);
            }
        }, 0, 20, TimeUnit.MILLISECONDS);
        ExecutorService senders = Executors.newFixedThreadPool(KEYS);
        try {
            List<Future<?>> sending = startSending(topic, senders, ledger);

            await("a quarter consumed, by both instances").atMost(LONG_PATIENCE).until(() ->
                    ledger.consumed.get() >= COUNT / 4 && ledger.consumedBy.get("two").get() >= 100
                            && ledger.consumedBy.get("one").get() >= 100);
            int consumedAtShutdown = ledger.consumed.get();
            int sentAtShutdown = ledger.sent.get();
            two.shutdown();
            ledger.stopped = "two";

            for (Future<?> sender : sending) {
                sender.get(LONG_PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            }
            await("the survivor locks all 4 queues").atMost(LONG_PATIENCE)
                    .until(() -> lockedQueues(one, topic).size() == 4);
            await("every message consumed").atMost(LONG_PATIENCE)
                    .until(() -> ledger.firstConsumerOf.size() == COUNT);
            await("the survivor's offsets at the end").atMost(LONG_PATIENCE)
                    .until(() -> CompatBroker.consumedInMemory(one, topic) == COUNT);

            assertThat(sentAtShutdown).as("sending was under way at the shutdown").isLessThan(COUNT);
            assertThat(consumedAtShutdown).as("the shutdown came mid-way").isLessThan(COUNT / 2);
            assertThat(ledger.violations).as("exclusivity violations").isEmpty();
            List<String> sent = IntStream.range(0, KEYS).boxed().flatMap(k -> IntStream.range(0, PER_KEY)
                    .mapToObj(s -> "k" + k + ":" + s)).toList();
            Received.assertSameElements("distinct messages consumed", ledger.firstConsumerOf.keySet(), sent);
            for (int k = 0; k < KEYS; k++) {
                assertThat(withoutRedeliveries(ledger.sequenceByKey.get("k" + k)))
                        .as("order of key k%d after dropping redeliveries", k)
                        .isEqualTo(IntStream.range(0, PER_KEY).boxed().toList());
            }
            assertThat(ledger.redeliveries).as("redeliveries: only the leaving instance's messages, to the survivor")
                    .allMatch(r -> r.endsWith(" by one after two"));
            System.out.printf("Orderly hand-over: %d sent and %d consumed before the shutdown, %d by the leaving "
                    + "instance, %d redelivered to the survivor%n", sentAtShutdown, consumedAtShutdown,
                    ledger.consumedBy.get("two").get(), ledger.redeliveries.size());
        } finally {
            senders.shutdownNow();
            sampler.shutdownNow();
        }
    }

    private DefaultMQPushConsumer orderlyConsumer(String group, String topic, MessageListenerOrderly listener)
            throws Exception {
        DefaultMQPushConsumer consumer = broker.pushConsumer(group);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener(listener);
        return consumer;
    }

    /** Each key's messages, in order, to the queue its hash selects; one sender thread per key. */
    private List<Future<?>> startSending(String topic, ExecutorService senders, Ledger ledger) throws Exception {
        DefaultMQProducer producer = broker.startedProducer();
        MessageQueueSelector byKeyHash = (queues, message, key) ->
                queues.get(Math.floorMod(key.hashCode(), queues.size()));
        List<Future<?>> sending = new ArrayList<>();
        for (int k = 0; k < KEYS; k++) {
            String key = "k" + k;
            sending.add(senders.submit(() -> {
                for (int s = 0; s < PER_KEY; s++) {
                    ledger.window.acquire();
                    Message message = new Message(topic, "orderly", key,
                            (key + ":" + s).getBytes(StandardCharsets.UTF_8));
                    assertThat(producer.send(message, byKeyHash, key).getSendStatus()).isEqualTo(SendStatus.SEND_OK);
                    ledger.sent.incrementAndGet();
                }
                return null;
            }));
        }
        return sending;
    }

    /** The queues of {@code topic} the consumer holds a live lock on (not dropped, locked, lock not stale). */
    private static Set<MessageQueue> lockedQueues(DefaultMQPushConsumer consumer, String topic) {
        Set<MessageQueue> locked = new HashSet<>();
        consumer.getDefaultMQPushConsumerImpl().getRebalanceImpl().getProcessQueueTable().forEach((mq, pq) -> {
            if (mq.getTopic().equals(topic) && isLive(pq)) {
                locked.add(mq);
            }
        });
        return locked;
    }

    private static boolean isLive(ProcessQueue pq) {
        return !pq.isDropped() && pq.isLocked() && !pq.isLockExpired();
    }

    /** The sequence with every number seen before dropped: exact redeliveries go, reordering stays visible. */
    private static List<Integer> withoutRedeliveries(List<Integer> sequence) {
        Set<Integer> seen = new HashSet<>();
        synchronized (sequence) {
            return sequence.stream().filter(seen::add).toList();
        }
    }
}
