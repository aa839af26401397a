package io.nimbusmq.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;

import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.common.message.MessageExt;

/**
 * The messages one consumer received, in arrival order, safe to fill from the client's consume threads. Assertions
 * compare bodies as multisets, so a duplicate or a missing message fails with a short, readable description even for
 * ten thousand messages.
 */
final class Received {

    /** What a test checks of a received message. */
    record Msg(String body, String keys, String tags, String msgId, int queueId, long queueOffset,
            long storeTimestamp) {

        static Msg of(MessageExt message) {
            return new Msg(new String(message.getBody(), StandardCharsets.UTF_8), message.getKeys(),
                    message.getTags(), message.getMsgId(), message.getQueueId(), message.getQueueOffset(),
                    message.getStoreTimestamp());
        }
    }

    private final ConcurrentLinkedQueue<Msg> messages = new ConcurrentLinkedQueue<>();

    /** A concurrent listener that records every message and acknowledges it. */
    MessageListenerConcurrently listener() {
        return (batch, context) -> {
            addAll(batch);
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        };
    }

    void addAll(Collection<MessageExt> batch) {
        batch.forEach(m -> messages.add(Msg.of(m)));
    }

    int size() {
        return messages.size();
    }

    List<Msg> messages() {
        return List.copyOf(messages);
    }

    List<String> bodies() {
        return messages.stream().map(Msg::body).toList();
    }

    /** Asserts that the bodies received are exactly {@code expected}: none missing, none extra, none twice. */
    void assertBodiesExactly(Collection<String> expected) {
        assertExactly("bodies", bodies(), expected);
    }

    /** Asserts the received keys the same way as the bodies. */
    void assertKeysExactly(Collection<String> expected) {
        assertExactly("keys", messages.stream().map(Msg::keys).toList(), expected);
    }

    /** Asserts that {@code actual} holds exactly the distinct {@code expected} values, each once. */
    static void assertSameElements(String what, Collection<String> actual, Collection<String> expected) {
        assertExactly(what, new ArrayList<>(actual), expected);
    }

    private static void assertExactly(String what, List<String> actual, Collection<String> expected) {
        Set<String> expectedSet = new HashSet<>(expected);
        assertThat(expectedSet).as("expected %s must be distinct", what).hasSameSizeAs(expected);
        Map<String, Integer> counts = new HashMap<>();
        actual.forEach(value -> counts.merge(value, 1, Integer::sum));
        List<String> duplicated = counts.entrySet().stream().filter(e -> e.getValue() > 1)
                .map(e -> e.getKey() + " x" + e.getValue()).limit(20).collect(Collectors.toList());
        List<String> missing = new ArrayList<>();
        expectedSet.stream().filter(v -> !counts.containsKey(v)).limit(20).forEach(missing::add);
        List<String> unexpected = counts.keySet().stream().filter(v -> !expectedSet.contains(v)).limit(20).toList();
        assertThat(duplicated).as("%s received more than once (first 20)", what).isEmpty();
        assertThat(missing).as("%s never received (first 20)", what).isEmpty();
        assertThat(unexpected).as("%s received but never sent (first 20)", what).isEmpty();
        assertThat(actual).as("%s received", what).hasSameSizeAs(expected);
    }
}
