package io.nimbusmq.broker.stats;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import io.nimbusmq.message.StoredMessage;
import io.nimbusmq.remoting.dispatch.QueueStats;
import io.nimbusmq.remoting.protocol.RemotingVersion;
import io.nimbusmq.store.MessageStore;
import io.nimbusmq.store.StoreStats;

/**
 * The table GET_BROKER_RUNTIME_INFO (28) answers, what {@code mqadmin brokerStatus} prints and {@code clusterList} and
 * the dashboard read, with RocketMQ's key names and value formats. Every value is measured here; RocketMQ keys this
 * broker has no counterpart for (page-cache lock time, transient store pool, timer congestion...) are left out
 * rather than filled with made-up zeros, except those {@code clusterList} parses as numbers.
 *
 * <pre>
 * | keys                                                  | from                                           |
 * |-------------------------------------------------------|------------------------------------------------|
 * | putTps, getTransferredTps, getTotalTps, getFound/MissTps | "10 s, 1 min, 10 min" rates of {@link BrokerStats} |
 * | putMessageFailedTimes, put/getMessageEntireTimeMax    | {@link BrokerStats}, since start               |
 * | msgPut/GetTotal{TodayNow,TodayMorning,YesterdayMorning} | {@link DailyTotals}                            |
 * | putMessageTimesTotal, putMessageSizeTotal, ...AverageSize | the store's own counters                    |
 * | commitLogMin/MaxOffset, dispatchBehindBytes, earliest...  | the store                                   |
 * | commitLogDiskRatio, commitLogDirCapacity              | the store directory's file system              |
 * | {send,pull,litePull,query}ThreadPoolQueue{Size,Capacity,HeadWaitTimeMills}, EndTransaction... | executors |
 * </pre>
 */
public final class RuntimeInfo {

    private final MessageStore store;
    private final BrokerStats stats;
    private final Path storeDir;
    private final Supplier<Map<String, QueueStats>> queues;
    private final Clock clock;
    private final long bootTimestamp;

    /**
     * @param queues each processor executor's queue by RocketMQ's key prefix ({@code send}, {@code pull},
     *     {@code litePull}, {@code query}, {@code EndTransaction})
     */
    public RuntimeInfo(MessageStore store, BrokerStats stats, Path storeDir, Supplier<Map<String, QueueStats>> queues,
            Clock clock) {
        this.store = store;
        this.stats = stats;
        this.storeDir = storeDir;
        this.queues = queues;
        this.clock = clock;
        this.bootTimestamp = clock.millis();
    }

    public Map<String, String> table() {
        Map<String, String> info = new TreeMap<>();
        info.put("brokerVersionDesc", "V5_3_1");
        info.put("brokerVersion", String.valueOf(RemotingVersion.CURRENT));
        info.put("brokerActive", "true");
        info.put("bootTimestamp", String.valueOf(bootTimestamp));
        info.put("startAcceptSendRequestTimeStamp", String.valueOf(bootTimestamp));
        info.put("runtime", uptime(clock.millis() - bootTimestamp));
        rates(info);
        totals(info);
        store(info);
        disk(info);
        queues.get().forEach((prefix, queue) -> {
            info.put(prefix + (prefix.equals("EndTransaction") ? "QueueSize" : "ThreadPoolQueueSize"),
                    String.valueOf(queue.size()));
            info.put(prefix + "ThreadPoolQueueCapacity", String.valueOf(queue.capacity()));
            if (!prefix.equals("EndTransaction")) {
                info.put(prefix + "ThreadPoolQueueHeadWaitTimeMills", String.valueOf(queue.headWaitMillis()));
            }
        });
        // clusterList parses these as numbers; this broker has no timer backlog or page-cache lock to report
        info.put("timerReadBehind", "0");
        info.put("timerOffsetBehind", "0");
        info.put("timerCongestNum", "0");
        info.put("timerEnqueueTps", "0.0");
        info.put("timerDequeueTps", "0.0");
        info.put("pageCacheLockTimeMills", "0");
        return info;
    }

    private void rates(Map<String, String> info) {
        String put = windows(stats.putTps(10), stats.putTps(60), stats.putTps(600));
        String get = windows(stats.getTps(10), stats.getTps(60), stats.getTps(600));
        info.put("putTps", put);
        info.put("getTransferredTps", get);
        info.put("getTotalTps", get);
        info.put("getFoundTps", windows(stats.pullFoundTps(10), stats.pullFoundTps(60), stats.pullFoundTps(600)));
        info.put("getMissTps", windows(stats.pullMissTps(10), stats.pullMissTps(60), stats.pullMissTps(600)));
        info.put("putMessageFailedTimes", String.valueOf(stats.putsFailed()));
        info.put("putMessageEntireTimeMax", String.valueOf(stats.putMillisMax()));
        info.put("getMessageEntireTimeMax", String.valueOf(stats.getMillisMax()));
    }

    private void totals(Map<String, String> info) {
        DailyTotals.Totals totals = stats.dailyTotals();
        info.put("msgPutTotalTodayNow", String.valueOf(totals.putNow()));
        info.put("msgPutTotalTodayMorning", String.valueOf(totals.putTodayMorning()));
        info.put("msgPutTotalYesterdayMorning", String.valueOf(totals.putYesterdayMorning()));
        info.put("msgGetTotalTodayNow", String.valueOf(totals.getNow()));
        info.put("msgGetTotalTodayMorning", String.valueOf(totals.getTodayMorning()));
        info.put("msgGetTotalYesterdayMorning", String.valueOf(totals.getYesterdayMorning()));
    }

    private void store(Map<String, String> info) {
        StoreStats storeStats = store.stats();
        info.put("putMessageTimesTotal", String.valueOf(storeStats.putMessageCount()));
        info.put("putMessageSizeTotal", String.valueOf(storeStats.putBytes()));
        info.put("putMessageAverageSize", String.valueOf(storeStats.putMessageCount() == 0 ? 0.0
                : (double) storeStats.putBytes() / storeStats.putMessageCount()));
        info.put("commitLogMinOffset", String.valueOf(store.commitLogMinOffset()));
        info.put("commitLogMaxOffset", String.valueOf(store.commitLogMaxOffset()));
        info.put("dispatchBehindBytes", String.valueOf(storeStats.dispatchBehindBytes()));
        info.put("earliestMessageTimeStamp", String.valueOf(earliestMessageTime()));
        info.put("storeWritable", String.valueOf(store.isWritable()));
    }

    private void disk(Map<String, String> info) {
        try {
            FileStore fileStore = Files.getFileStore(Files.exists(storeDir) ? storeDir : storeDir.getParent());
            long total = fileStore.getTotalSpace();
            long free = fileStore.getUsableSpace();
            String ratio = String.format(Locale.ROOT, "%.2f", total == 0 ? 0.0 : (double) (total - free) / total);
            info.put("commitLogDiskRatio", ratio);
            info.put("consumeQueueDiskRatio", ratio);
            info.put("commitLogDirCapacity", String.format(Locale.ROOT, "Total : %.1f GiB, Free : %.1f GiB.",
                    total / 1073741824.0, free / 1073741824.0));
        } catch (IOException | RuntimeException e) {
            info.put("commitLogDiskRatio", "-1");
        }
    }

    /** Store time of the oldest message in the commit log, or -1 when it is empty (as RocketMQ answers). */
    private long earliestMessageTime() {
        if (store.commitLogMinOffset() >= store.commitLogMaxOffset()) {
            return -1;
        }
        StoredMessage oldest = store.lookMessage(store.commitLogMinOffset());
        return oldest == null ? -1 : oldest.storeTimestamp();
    }

    private static String windows(double tenSeconds, double oneMinute, double tenMinutes) {
        return String.format(Locale.ROOT, "%.2f %.2f %.2f", tenSeconds, oneMinute, tenMinutes);
    }

    /** RocketMQ's form: {@code [ 0 days, 1 hours, 2 minutes, 3 seconds ]}. */
    private static String uptime(long millis) {
        Duration up = Duration.ofMillis(Math.max(0, millis));
        return String.format(Locale.ROOT, "[ %d days, %d hours, %d minutes, %d seconds ]", up.toDays(),
                up.toHoursPart(), up.toMinutesPart(), up.toSecondsPart());
    }
}
