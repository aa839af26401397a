package io.nimbusmq.broker.console.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.nimbusmq.broker.console.model.PendingViews;
import io.nimbusmq.broker.schedule.TimerMessageService;
import io.nimbusmq.broker.transaction.PendingTransactions;
import io.nimbusmq.broker.transaction.TransactionConfig;
import io.nimbusmq.broker.transaction.TransactionalMessageService;
import io.nimbusmq.message.MessageConst;
import io.nimbusmq.message.StoredMessage;
import io.nimbusmq.message.SystemTopics;
import io.nimbusmq.store.MessageStore;

/**
 * Messages waiting for something: delayed and timer messages for their time, transactional half messages for their
 * producer's decision.
 *
 * <p>Scheduled messages are read from their waiting copies ({@code SCHEDULE_TOPIC_XXXX}, one queue per delay level,
 * and {@code rmq_sys_wheel_timer}), the newest {@value #MAX_SCANNED_PER_QUEUE} of each queue: a copy waits while its
 * {@code TIMER_OUT_MS} is not before the timer service's delivery cursor. A copy stored again by a roll counts once.
 */
final class PendingData {

    static final int MAX_SCANNED_PER_QUEUE = 5_000;
    private static final int MAX_SCANNED_HALF_MESSAGES = 10_000;

    private final MessageStore store;
    private final MessageReader reader;
    private final TimerMessageService timer;
    private final int delayLevels;
    private final TransactionalMessageService transactions;
    private final TransactionConfig transactionConfig;

    PendingData(MessageStore store, MessageReader reader, TimerMessageService timer, int delayLevels,
            TransactionalMessageService transactions, TransactionConfig transactionConfig) {
        this.store = store;
        this.reader = reader;
        this.timer = timer;
        this.delayLevels = delayLevels;
        this.transactions = transactions;
        this.transactionConfig = transactionConfig;
    }

    PendingViews.ScheduledPage scheduled(int limit) {
        long cursor = timer.deliveredBeforeMillis();
        Map<String, PendingViews.Scheduled> waiting = new LinkedHashMap<>();
        boolean truncated = false;
        for (int queueId = 0; queueId <= delayLevels; queueId++) {
            String topic = queueId < delayLevels ? SystemTopics.SCHEDULE_TOPIC : SystemTopics.TIMER_TOPIC;
            int id = queueId < delayLevels ? queueId : 0;
            long max = store.maxOffsetInQueue(topic, id);
            long from = Math.max(store.minOffsetInQueue(topic, id), max - MAX_SCANNED_PER_QUEUE);
            truncated |= from > store.minOffsetInQueue(topic, id);
            for (StoredMessage copy : reader.read(topic, id, from, max, MAX_SCANNED_PER_QUEUE)) {
                long due = parseLong(copy.property(MessageConst.TIMER_OUT_MS));
                if (due >= cursor) {
                    String kind = topic.equals(SystemTopics.TIMER_TOPIC) ? "timer" : "delay level " + (id + 1);
                    String key = copy.property(MessageConst.UNIQ_KEY) != null ? copy.property(MessageConst.UNIQ_KEY)
                            : MessageReader.offsetMsgId(copy);
                    waiting.put(key, new PendingViews.Scheduled(MessageReader.summary(copy),
                            copy.property(MessageConst.REAL_TOPIC), kind, due));
                }
            }
        }
        List<PendingViews.Scheduled> sorted = new ArrayList<>(waiting.values());
        sorted.sort(Comparator.comparingLong(PendingViews.Scheduled::dueMillis));
        return new PendingViews.ScheduledPage(cursor, sorted.size(), truncated || sorted.size() > limit,
                sorted.stream().limit(limit).toList());
    }

    private static long parseLong(String value) {
        try {
            return value == null ? -1 : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    PendingViews.TransactionPage transactions(int limit) {
        PendingTransactions.Snapshot snapshot = transactions.pending().list(limit, MAX_SCANNED_HALF_MESSAGES);
        List<PendingViews.HalfMessage> messages = snapshot.waiting().stream().map(w -> new PendingViews.HalfMessage(
                w.transactionId(), w.producerGroup(), w.realTopic(), w.half().property(MessageConst.UNIQ_KEY),
                w.half().property(MessageConst.KEYS), w.half().bornTimestamp(), w.half().storeTimestamp(),
                w.checks())).toList();
        long discarded = store.maxOffsetInQueue(SystemTopics.TRANS_CHECK_MAX_TIME_TOPIC, 0)
                - store.minOffsetInQueue(SystemTopics.TRANS_CHECK_MAX_TIME_TOPIC, 0);
        return new PendingViews.TransactionPage(snapshot.total(), snapshot.truncated() || snapshot.total() > limit,
                transactionConfig.checkIntervalMillis(), transactionConfig.timeoutMillis(),
                transactionConfig.checkMax(), transactions.checkService().completedPasses(), discarded, messages);
    }
}
