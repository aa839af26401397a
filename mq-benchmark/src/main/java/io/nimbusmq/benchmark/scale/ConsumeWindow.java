package io.nimbusmq.benchmark.scale;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.rocketmq.client.consumer.DefaultLitePullConsumer;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.remoting.protocol.admin.TopicOffset;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;

import io.nimbusmq.benchmark.load.MeasuredPeriod;
import io.nimbusmq.benchmark.load.MessageBody;

/**
 * A measured consume window: a new consumer group reads a fixed window of the fill topic, the same share of every
 * queue, through the official client's lite pull consumer (assigned queues, default pull threads and batch size). The
 * group's offsets are set to the window's start through the admin API before the consumer starts, so that it pulls
 * from there at once (a {@code seek} after {@code assign} races with the first pulls, parked at the end of the queues
 * by the broker's long polling for up to 20 s each).
 *
 * <ul>
 * <li>{@link Position#TAIL}: the newest messages (the last {@code window / queues} of each queue), as a consumer that
 * keeps up reads them: mostly from the page cache.</li>
 * <li>{@link Position#OLDEST}: the oldest messages (the first {@code window / queues} of each queue), as a consumer
 * replaying the history does: cold reads once the store is larger than memory.</li>
 * </ul>
 * Measured from the assignment to the last message of the window (a queue is paused once its share is read, but the
 * consumer may have prefetched up to 1,000 messages past it; their reads count in the broker's CPU); every message of
 * the window must arrive exactly once (by the id in its body), or the result says how many did not.
 */
final class ConsumeWindow {

    enum Position {
        TAIL, OLDEST
    }

    /** What a window measured; {@code missing} counts messages of the window not received, or received twice. */
    record Result(long messages, MeasuredPeriod.Measured measured, long missing) {

        double rate() {
            return measured.seconds() > 0 ? messages / measured.seconds() : 0;
        }

        double brokerCpuMicrosPerMessage() {
            return messages > 0 ? measured.brokerCpuSeconds() * 1e6 / messages : Double.NaN;
        }
    }

    private ConsumeWindow() {
    }

    static Result run(DefaultMQAdminExt admin, String namesrvAddr, String brokerAddr, String topic, String group,
            long window, Position position, long brokerPid, long timeoutMillis) throws Exception {
        Map<MessageQueue, TopicOffset> offsets = admin.examineTopicStats(topic).getOffsetTable();
        long perQueue = Math.max(1, window / offsets.size());
        Map<MessageQueue, long[]> ranges = new HashMap<>();
        long expected = 0;
        for (Map.Entry<MessageQueue, TopicOffset> e : offsets.entrySet()) {
            long min = e.getValue().getMinOffset();
            long max = e.getValue().getMaxOffset();
            long from = position == Position.TAIL ? Math.max(min, max - perQueue) : min;
            long to = Math.min(max, from + perQueue);
            ranges.put(e.getKey(), new long[] {from, to});
            expected += to - from;
        }
        for (Map.Entry<MessageQueue, long[]> e : ranges.entrySet()) {
            admin.updateConsumeOffset(brokerAddr, group, e.getKey(), e.getValue()[0]);
        }
        DefaultLitePullConsumer consumer = new DefaultLitePullConsumer(group);
        consumer.setNamesrvAddr(namesrvAddr);
        consumer.setInstanceName(group + "-" + System.nanoTime());
        consumer.setAutoCommit(false);
        // a thread per queue: a queue at its end parks its pull at the broker (long polling, up to 20 s), and with
        // fewer threads than queues that would hold the other queues back
        consumer.setPullThreadNums(ranges.size());
        consumer.start();
        try {
            MeasuredPeriod period = MeasuredPeriod.start(brokerPid);
            consumer.assign(new ArrayList<>(ranges.keySet()));
            Set<Long> ids = new HashSet<>();
            long received = 0;
            long last = period.startNanos();
            long deadline = System.currentTimeMillis() + timeoutMillis;
            while (received < expected && System.currentTimeMillis() < deadline) {
                List<MessageExt> messages = consumer.poll(1_000);
                for (MessageExt message : messages) {
                    long[] range = ranges.get(new MessageQueue(message.getTopic(), message.getBrokerName(),
                            message.getQueueId()));
                    if (range != null && message.getQueueOffset() >= range[0] && message.getQueueOffset() < range[1]) {
                        received++;
                        ids.add(MessageBody.id(message.getBody()));
                        last = System.nanoTime();
                        if (message.getQueueOffset() == range[1] - 1) {
                            // the queue's share is read: no more pulls there (what was prefetched is still read)
                            consumer.pause(List.of(new MessageQueue(message.getTopic(), message.getBrokerName(),
                                    message.getQueueId())));
                        }
                    }
                }
            }
            MeasuredPeriod.Measured measured = period.stopAt(last);
            return new Result(received, measured, expected - ids.size() + (received - ids.size()));
        } finally {
            consumer.shutdown();
        }
    }
}
