package io.nimbusmq.compat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.TransactionListener;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;

/**
 * A transaction listener driven by the test: the local transaction returns the state passed as the send's argument,
 * and a check answers what {@link #answer} set for the message's body (UNKNOW by default). Every check is recorded.
 */
final class ScriptedTransactionListener implements TransactionListener {

    /** What a check asked about, as the official client hands it to {@code checkLocalTransaction}. */
    record Check(String body, String topic, int queueId, String transactionId, String checkTimes,
            Map<String, String> properties) {
    }

    private final Map<String, LocalTransactionState> answers = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Check> checks = new ConcurrentLinkedQueue<>();

    @Override
    public LocalTransactionState executeLocalTransaction(Message message, Object state) {
        return (LocalTransactionState) state;
    }

    @Override
    public LocalTransactionState checkLocalTransaction(MessageExt message) {
        String body = new String(message.getBody(), StandardCharsets.UTF_8);
        checks.add(new Check(body, message.getTopic(), message.getQueueId(), message.getTransactionId(),
                message.getProperty("TRANSACTION_CHECK_TIMES"), Map.copyOf(message.getProperties())));
        return answers.getOrDefault(body, LocalTransactionState.UNKNOW);
    }

    /** How checks about the message with {@code body} are answered from now on. */
    void answer(String body, LocalTransactionState state) {
        answers.put(body, state);
    }

    List<Check> checks() {
        return List.copyOf(checks);
    }

    List<Check> checksOf(String body) {
        return checks.stream().filter(c -> c.body().equals(body)).toList();
    }

    List<String> checkedBodies() {
        return checks.stream().map(Check::body).toList();
    }
}
