package io.nimbusmq.broker.stats;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The broker's statistics, kept as RocketMQ's {@code BrokerStatsManager} keeps them and named as it names them, so
 * that {@code mqadmin statsAll}, {@code brokerStatus}, {@code clusterList}, {@code consumerProgress} and
 * rocketmq-dashboard show real numbers:
 *
 * <pre>
 * | name            | key           | counts                                             |
 * |-----------------|---------------|----------------------------------------------------|
 * | TOPIC_PUT_NUMS  | topic         | messages stored                                    |
 * | TOPIC_PUT_SIZE  | topic         | bytes stored                                       |
 * | GROUP_GET_NUMS  | topic@group   | messages delivered by pulls                        |
 * | GROUP_GET_SIZE  | topic@group   | bytes delivered by pulls                           |
 * | SNDBCK_PUT_NUMS | topic@group   | messages a consumer sent back for retry            |
 * | DLQ_PUT_NUMS    | group         | messages moved to the group's dead-letter queue    |
 * | BROKER_PUT_NUMS | cluster name  | messages stored, all topics                        |
 * | BROKER_GET_NUMS | cluster name  | messages delivered, all groups                     |
 * </pre>
 *
 * <h2>Cost on the message path</h2>
 * A send or a pull does one or two lock-free map reads (the key's counters exist after its first request; the key
 * strings are the request's own, nothing is concatenated) and adds to {@link LongAdder}s: no lock and no allocation.
 * A key's windows count from its first request.
 *
 * <h2>Sampling</h2>
 * One scheduled task ({@link #start}) samples every second: the broker totals into a ring of 10 minutes (for the
 * {@code putTps}/{@code getTransferredTps} windows of 10 s, 1 min and 10 min), every key's counters into its minute
 * ring every 10 s, its hour ring every 10 min and its day ring every hour; and at local midnight it moves today's
 * totals to yesterday's.
 */
public final class BrokerStats {

    public static final String TOPIC_PUT_NUMS = "TOPIC_PUT_NUMS";
    public static final String TOPIC_PUT_SIZE = "TOPIC_PUT_SIZE";
    public static final String GROUP_GET_NUMS = "GROUP_GET_NUMS";
    public static final String GROUP_GET_SIZE = "GROUP_GET_SIZE";
    public static final String SNDBCK_PUT_NUMS = "SNDBCK_PUT_NUMS";
    public static final String DLQ_PUT_NUMS = "DLQ_PUT_NUMS";
    public static final String BROKER_PUT_NUMS = "BROKER_PUT_NUMS";
    public static final String BROKER_GET_NUMS = "BROKER_GET_NUMS";

    private static final int SECONDS_KEPT = 601;

    private final String clusterName;
    private final Clock clock;
    private final ZoneId zone;
    private final ConcurrentMap<String, Counters> topics = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, ConcurrentMap<String, Counters>> groupsByTopic = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, ConcurrentMap<String, StatsItem>> sentBackByTopic = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, StatsItem> deadLetters = new ConcurrentHashMap<>();
    private final StatsItem brokerPut;
    private final StatsItem brokerGet;
    private final SampleRing putPerSecond = new SampleRing(SECONDS_KEPT);
    private final SampleRing getPerSecond = new SampleRing(SECONDS_KEPT);
    private final SampleRing foundPerSecond = new SampleRing(SECONDS_KEPT);
    private final SampleRing missPerSecond = new SampleRing(SECONDS_KEPT);
    private final LongAdder pullsFound = new LongAdder();
    private final LongAdder pullsMissed = new LongAdder();
    private final LongAdder putsFailed = new LongAdder();
    private final LongAccumulator putMillisMax = new LongAccumulator(Long::max, 0);
    private final LongAccumulator getMillisMax = new LongAccumulator(Long::max, 0);
    private final LongAdder committed = new LongAdder();
    private final LongAdder rolledBack = new LongAdder();
    private final DailyTotals daily;
    private long ticks;

    public BrokerStats(String clusterName, Clock clock) {
        this.clusterName = clusterName;
        this.clock = clock;
        this.zone = ZoneId.systemDefault();
        this.daily = new DailyTotals(LocalDate.now(clock.withZone(zone)));
        this.brokerPut = new StatsItem(clock.millis());
        this.brokerGet = new StatsItem(clock.millis());
    }

    /** Samples every second on {@code scheduler} until it shuts down. */
    public void start(ScheduledExecutorService scheduler) {
        long delay = 1_000 - clock.millis() % 1_000;
        scheduler.scheduleAtFixedRate(this::tick, delay, 1_000, TimeUnit.MILLISECONDS);
    }

    // ---- the message path

    /** A send stored {@code messages} messages of {@code bytes} bytes in {@code topic}. */
    public void onPut(String topic, int messages, long bytes) {
        Counters counters = topics.get(topic);
        if (counters == null) {
            counters = topics.computeIfAbsent(topic, t -> new Counters(clock.millis()));
        }
        counters.add(messages, bytes);
        brokerPut.add(messages);
    }

    /** A pull of {@code group} delivered {@code messages} messages of {@code bytes} bytes from {@code topic}. */
    public void onGet(String group, String topic, int messages, long bytes) {
        ConcurrentMap<String, Counters> groups = groupsByTopic.get(topic);
        if (groups == null) {
            groups = groupsByTopic.computeIfAbsent(topic, t -> new ConcurrentHashMap<>());
        }
        Counters counters = groups.get(group);
        if (counters == null) {
            counters = groups.computeIfAbsent(group, g -> new Counters(clock.millis()));
        }
        counters.add(messages, bytes);
        brokerGet.add(messages);
    }

    /** A pull was answered: with messages or without; its store read took {@code millis}. */
    public void onPull(boolean found, long millis) {
        (found ? pullsFound : pullsMissed).increment();
        getMillisMax.accumulate(millis);
    }

    /** A send reached the store: stored after {@code millis}, or failed there. */
    public void onSendDone(boolean stored, long millis) {
        if (stored) {
            putMillisMax.accumulate(millis);
        } else {
            putsFailed.increment();
        }
    }

    /** A consumer of {@code group} sent a message of {@code topic} back for retry. */
    public void onSendBack(String group, String topic) {
        sentBackByTopic.computeIfAbsent(topic, t -> new ConcurrentHashMap<>())
                .computeIfAbsent(group, g -> new StatsItem(clock.millis())).add(1);
    }

    /** A message of {@code group} became a dead letter. */
    public void onDeadLetter(String group) {
        deadLetters.computeIfAbsent(group, g -> new StatsItem(clock.millis())).add(1);
    }

    /** A transaction ended: committed or rolled back. */
    public void onTransactionEnd(boolean commit) {
        (commit ? committed : rolledBack).increment();
    }

    // ---- reading

    /** The item RocketMQ's VIEW_BROKER_STATS_DATA (315) names, if it exists. */
    public Optional<StatsItem> item(String statsName, String statsKey) {
        return Optional.ofNullable(switch (statsName) {
            case TOPIC_PUT_NUMS -> nums(topics.get(statsKey));
            case TOPIC_PUT_SIZE -> size(topics.get(statsKey));
            case GROUP_GET_NUMS -> nums(groupCounters(statsKey));
            case GROUP_GET_SIZE -> size(groupCounters(statsKey));
            case SNDBCK_PUT_NUMS -> byTopicAndGroup(sentBackByTopic, statsKey);
            case DLQ_PUT_NUMS -> deadLetters.get(statsKey);
            case BROKER_PUT_NUMS -> clusterName.equals(statsKey) ? brokerPut : null;
            case BROKER_GET_NUMS -> clusterName.equals(statsKey) ? brokerGet : null;
            default -> null;
        });
    }

    /** Messages per second delivered to {@code group} from {@code topic} over the last minute. */
    public double groupGetTps(String group, String topic) {
        ConcurrentMap<String, Counters> groups = groupsByTopic.get(topic);
        Counters counters = groups == null ? null : groups.get(group);
        return counters == null ? 0 : counters.nums().minute().tps();
    }

    /** Messages stored per second over the last {@code seconds} (10, 60 or 600). */
    public double putTps(int seconds) {
        return putPerSecond.windowOfLast(seconds + 1).tps();
    }

    /** Messages delivered per second over the last {@code seconds} (10, 60 or 600). */
    public double getTps(int seconds) {
        return getPerSecond.windowOfLast(seconds + 1).tps();
    }

    /**
     * Messages stored and delivered per second over each {@code stepSeconds} of the last ten minutes, oldest first
     * (the web console's traffic chart).
     */
    public List<TrafficSample> trafficHistory(int stepSeconds) {
        if (stepSeconds < 1) {
            throw new IllegalArgumentException("stepSeconds must be at least 1: " + stepSeconds);
        }
        long[][] put = putPerSecond.samples();
        long[][] get = getPerSecond.samples();
        // the sampling thread adds to the two rings one after the other: pair them by time from the newest back
        int putEnd = put[0].length;
        int getEnd = get[0].length;
        while (putEnd > 0 && getEnd > 0 && put[0][putEnd - 1] != get[0][getEnd - 1]) {
            if (put[0][putEnd - 1] > get[0][getEnd - 1]) {
                putEnd--;
            } else {
                getEnd--;
            }
        }
        int count = Math.min(putEnd, getEnd);
        int p = putEnd - count;
        int g = getEnd - count;
        List<TrafficSample> history = new ArrayList<>();
        for (int i = (count - 1) % stepSeconds + stepSeconds; i < count; i += stepSeconds) {
            double seconds = (put[0][p + i] - put[0][p + i - stepSeconds]) / 1000.0;
            if (seconds > 0) {
                history.add(new TrafficSample(put[0][p + i],
                        (put[1][p + i] - put[1][p + i - stepSeconds]) / seconds,
                        (get[1][g + i] - get[1][g + i - stepSeconds]) / seconds));
            }
        }
        return history;
    }

    /** One point of {@link #trafficHistory}: the rates over the step that ends at {@code timeMillis}. */
    public record TrafficSample(long timeMillis, double putTps, double getTps) {
    }

    /** Pulls answered with messages per second over the last {@code seconds}. */
    public double pullFoundTps(int seconds) {
        return foundPerSecond.windowOfLast(seconds + 1).tps();
    }

    /** Pulls answered without messages per second over the last {@code seconds}. */
    public double pullMissTps(int seconds) {
        return missPerSecond.windowOfLast(seconds + 1).tps();
    }

    /** Sends the store failed since start. */
    public long putsFailed() {
        return putsFailed.sum();
    }

    /** The longest a stored send took since start, from the request to the store's answer. */
    public long putMillisMax() {
        return putMillisMax.get();
    }

    /** The longest a pull's store read took since start. */
    public long getMillisMax() {
        return getMillisMax.get();
    }

    /** Today's and yesterday's totals. */
    public DailyTotals.Totals dailyTotals() {
        return daily.totals(brokerPut.total(), brokerGet.total());
    }

    /** Stored messages and bytes per topic since start. */
    public void forEachTopic(BiConsumer<String, Counters> action) {
        topics.forEach(action);
    }

    /** Delivered messages and bytes per topic and group since start. */
    public void forEachTopicAndGroup(TopicGroupConsumer action) {
        groupsByTopic.forEach((topic, groups) -> groups.forEach((group, c) -> action.accept(topic, group, c)));
    }

    /** Dead letters per group since start. */
    public Map<String, Long> deadLettersByGroup() {
        Map<String, Long> totals = new TreeMap<>();
        deadLetters.forEach((group, item) -> totals.put(group, item.total()));
        return totals;
    }

    public long transactionsCommitted() {
        return committed.sum();
    }

    public long transactionsRolledBack() {
        return rolledBack.sum();
    }

    /** What {@link #forEachTopicAndGroup} gives. */
    @FunctionalInterface
    public interface TopicGroupConsumer {
        void accept(String topic, String group, Counters counters);
    }

    // ---- sampling

    void tick() {
        long now = clock.millis();
        putPerSecond.add(now, brokerPut.total(), 0);
        getPerSecond.add(now, brokerGet.total(), 0);
        foundPerSecond.add(now, pullsFound.sum(), 0);
        missPerSecond.add(now, pullsMissed.sum(), 0);
        if (ticks % 10 == 0) {
            forEachItem(item -> item.sampleMinute(now));
        }
        if (ticks % 600 == 0) {
            forEachItem(item -> item.sampleHour(now));
        }
        if (ticks % 3_600 == 0) {
            forEachItem(item -> item.sampleDay(now));
        }
        daily.roll(LocalDate.now(clock.withZone(zone)), brokerPut.total(), brokerGet.total());
        ticks++;
    }

    private void forEachItem(Consumer<StatsItem> action) {
        topics.values().forEach(c -> {
            action.accept(c.nums());
            action.accept(c.size());
        });
        groupsByTopic.values().forEach(groups -> groups.values().forEach(c -> {
            action.accept(c.nums());
            action.accept(c.size());
        }));
        sentBackByTopic.values().forEach(groups -> groups.values().forEach(action));
        deadLetters.values().forEach(action);
        action.accept(brokerPut);
        action.accept(brokerGet);
    }

    private Counters groupCounters(String topicAtGroup) {
        int at = topicAtGroup.lastIndexOf('@');
        if (at <= 0) {
            return null;
        }
        ConcurrentMap<String, Counters> groups = groupsByTopic.get(topicAtGroup.substring(0, at));
        return groups == null ? null : groups.get(topicAtGroup.substring(at + 1));
    }

    private static StatsItem byTopicAndGroup(ConcurrentMap<String, ConcurrentMap<String, StatsItem>> table,
            String topicAtGroup) {
        int at = topicAtGroup.lastIndexOf('@');
        if (at <= 0) {
            return null;
        }
        ConcurrentMap<String, StatsItem> groups = table.get(topicAtGroup.substring(0, at));
        return groups == null ? null : groups.get(topicAtGroup.substring(at + 1));
    }

    private static StatsItem nums(Counters counters) {
        return counters == null ? null : counters.nums();
    }

    private static StatsItem size(Counters counters) {
        return counters == null ? null : counters.size();
    }
}
