package io.nimbusmq.broker.console.model;

import java.util.List;

/** What the dead-letter, scheduled and transaction pages show. */
public final class PendingViews {

    private PendingViews() {
    }

    /** A group with dead letters. */
    public record DeadLetterGroup(String group, long deadLetters, long retries) {
    }

    /** A dead letter sent back to its topic. */
    public record Resent(String msgId, String topic, String newOffsetMsgId) {
    }

    /**
     * A delayed or timer message waiting for its time.
     *
     * @param kind {@code delay level N} or {@code timer}
     * @param dueMillis when it will be delivered (broker clock)
     */
    public record Scheduled(MessageViews.Summary message, String realTopic, String kind, long dueMillis) {
    }

    /**
     * The waiting scheduled messages, soonest first.
     *
     * @param total how many are waiting among the entries looked at
     * @param truncated whether there were more waiting than listed, or more entries than were looked at
     */
    public record ScheduledPage(long deliveredBeforeMillis, int total, boolean truncated, List<Scheduled> messages) {
    }

    /**
     * A transactional message whose producer has not committed or rolled back yet.
     *
     * @param checks how often the broker asked the producer group so far
     */
    public record HalfMessage(String transactionId, String producerGroup, String realTopic, String msgId,
            String keys, long bornTimeMillis, long storeTimeMillis, int checks) {
    }

    /**
     * The waiting transactions and the check settings.
     *
     * @param checkPasses check passes the broker ran since start
     */
    public record TransactionPage(int waiting, boolean truncated, long checkIntervalMillis, long checkTimeoutMillis,
            int checkMax, long checkPasses, long discarded, List<HalfMessage> messages) {
    }
}
