package io.nimbusmq.broker.schedule;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.nimbusmq.broker.time.Clocks;
import io.nimbusmq.broker.time.ManualClock;
import io.nimbusmq.message.MessageCodec;
import io.nimbusmq.message.MessageConst;
import io.nimbusmq.message.MessageMeta;
import io.nimbusmq.message.MessageProperties;
import io.nimbusmq.message.SystemTopics;
import io.nimbusmq.store.MessageStore;
import io.nimbusmq.store.dispatch.CommitLogDispatcher;
import io.nimbusmq.store.file.MappedSlice;
import io.nimbusmq.store.read.GetMessageResult;
import io.nimbusmq.store.read.MessageFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers delayed and timer messages at their time. One thread ({@code timer-service}) owns everything here and
 * loops over four steps:
 *
 * <ol>
 * <li><b>Index.</b> Reads the consume queues of {@code SCHEDULE_TOPIC_XXXX} and {@code rmq_sys_wheel_timer} from the
 * checkpointed offsets and appends one {@link TimerLog} entry per waiting message, linked into the {@link TimeWheel}
 * slot of its target second. A message that waits longer than the roll window gets a roll entry at the end of the
 * window instead.</li>
 * <li><b>Load.</b> Moves the entries of every second up to one second ahead of the clock from the wheel into a small
 * in-memory queue ordered by target millisecond: only about a second of messages is ever on the heap.</li>
 * <li><b>Deliver.</b> Hands every entry whose millisecond has come to {@link DueMessageWriter} (stored again in its
 * real topic, or rolled) and waits for those puts.</li>
 * <li><b>Checkpoint.</b> About once a second, once anything was indexed: forces the timer log and records its end,
 * the queue offsets indexed and the delivery cursor ({@link TimerCheckpoint}); deletes timer log segments entirely
 * behind the cursor.</li>
 * </ol>
 *
 * It then sleeps until the next target, the next second to load, a new waiting message ({@link #dispatcher()}) or an
 * advance of a {@link io.nimbusmq.broker.time.ManualClock}. All times are on the broker clock given to the
 * constructor.
 *
 * <p><b>Restart.</b> A clean shutdown checkpoints after the last delivery, so nothing is delivered twice and nothing
 * early: the wheel is rebuilt from the entries targeting the cursor or later. After a crash, messages delivered since
 * the last checkpoint (at most about a second) are delivered again: at-least-once.
 */
public final class TimerMessageService {

    static final int SEGMENT_SIZE_BYTES = 4 * 1024 * 1024;
    private static final Logger log = LoggerFactory.getLogger(TimerMessageService.class);
    private static final long PRELOAD_MILLIS = 1_000;
    private static final long MAX_WAIT_MILLIS = 100;
    private static final long CHECKPOINT_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long RETRY_DELAY_MILLIS = 1_000;
    private static final int INDEX_BATCH = 256;
    private static final int DELIVERY_BATCH = 1_024;
    private static final int MAX_READY = 200_000;
    private static final Comparator<Pending> BY_TARGET = Comparator
            .comparingLong((Pending p) -> p.record().targetMillis()).thenComparingLong(Pending::position);

    /** A loaded entry and where it is in the timer log. */
    private record Pending(long position, TimerRecord record) {
    }

    private record Retry(Pending pending, long notBeforeMillis) {
    }

    private final MessageStore store;
    private final Clock clock;
    private final long rollWindowMillis;
    private final Path checkpointFile;
    private final TimerLog timerLog;
    private final TimeWheel wheel;
    private final DueMessageWriter writer;
    private final List<String[]> queues = new ArrayList<>();
    private final Map<String, Long> queueOffsets = new HashMap<>();
    private final PriorityQueue<Pending> ready = new PriorityQueue<>(BY_TARGET);
    private final List<Retry> retries = new ArrayList<>();
    private final Object signal = new Object();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong indexed = new AtomicLong();
    private final Runnable wakeUp = this::wakeUp;
    private boolean signalled;
    private long loadedSecond;
    private volatile long deliveredBeforeMillis;
    private long lastCheckpointNanos;
    private volatile boolean running;
    private Thread thread;

    public TimerMessageService(MessageStore store, ScheduleConfig config, Clock clock, Path dir) {
        this.store = store;
        this.clock = clock;
        this.rollWindowMillis = config.rollWindowMillis();
        this.checkpointFile = dir.resolve("checkpoint.json");
        this.timerLog = new TimerLog(dir.resolve("timerlog"), SEGMENT_SIZE_BYTES);
        this.wheel = TimeWheel.forRollWindow(rollWindowMillis);
        this.writer = new DueMessageWriter(store, clock);
        for (int queueId = 0; queueId < config.levels().maxLevel(); queueId++) {
            queues.add(new String[] {SystemTopics.SCHEDULE_TOPIC, Integer.toString(queueId)});
        }
        queues.add(new String[] {SystemTopics.TIMER_TOPIC, "0"});
    }

    /** Loads the checkpoint and the timer log, rebuilds the wheel and starts the thread. */
    public synchronized void start() throws IOException {
        TimerCheckpoint checkpoint = TimerCheckpoint.read(checkpointFile);
        deliveredBeforeMillis = checkpoint == null ? clock.millis() : checkpoint.deliveredBeforeMillis();
        loadedSecond = Math.floorDiv(deliveredBeforeMillis, TimeWheel.SLOT_MILLIS) - 1;
        timerLog.load(checkpoint == null ? 0 : checkpoint.timerLogEnd());
        if (checkpoint != null) {
            queueOffsets.putAll(checkpoint.queueOffsets());
        }
        long[] waiting = {0};
        timerLog.forEach((position, record) -> {
            if (record.targetMillis() >= deliveredBeforeMillis) {
                timerLog.relink(position, wheel.push(record.targetSecond(), position));
                waiting[0]++;
            }
        });
        log.info("Timer service: {} waiting messages, delivered before {}, timer log {} bytes", waiting[0],
                deliveredBeforeMillis, timerLog.endPosition() - timerLog.startPosition());
        running = true;
        lastCheckpointNanos = System.nanoTime();
        Clocks.onAdvance(clock, wakeUp);
        thread = new Thread(this::run, "timer-service");
        thread.setDaemon(true);
        thread.start();
    }

    /** Wakes the thread when a waiting message is stored. */
    public CommitLogDispatcher dispatcher() {
        return request -> {
            if (ScheduleTopics.isScheduleTopic(request.topic())) {
                wakeUp();
            }
        };
    }

    public void wakeUp() {
        synchronized (signal) {
            signalled = true;
            signal.notifyAll();
        }
    }

    /** Messages stored again in their real topic since start. */
    public long deliveredCount() {
        return delivered.get();
    }

    /** Waiting messages indexed since start. */
    public long indexedCount() {
        return indexed.get();
    }

    /** Every waiting message whose time is before this has been delivered. */
    public long deliveredBeforeMillis() {
        return deliveredBeforeMillis;
    }

    /** Disk taken by the timer log. */
    public long timerLogSizeBytes() {
        return timerLog.sizeBytes();
    }

    /** Stops the thread after its current step and writes the final checkpoint. */
    public synchronized void shutdown() {
        if (!running) {
            return;
        }
        running = false;
        if (clock instanceof ManualClock manual) {
            manual.removeListener(wakeUp);
        }
        wakeUp();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        checkpoint();
        timerLog.close();
    }

    private void run() {
        while (running) {
            try {
                long now = clock.millis();
                boolean more = index(now);
                load(now);
                more |= deliver(now);
                if (System.nanoTime() - lastCheckpointNanos >= CHECKPOINT_INTERVAL_NANOS) {
                    checkpoint();
                }
                if (!more) {
                    await(now);
                }
            } catch (RuntimeException | Error e) {
                log.error("Timer service step failed; retrying", e);
                pause();
            }
        }
    }

    /** Indexes new waiting messages; true if a queue has more right away. */
    private boolean index(long now) {
        boolean more = false;
        for (String[] queue : queues) {
            String topic = queue[0];
            int queueId = Integer.parseInt(queue[1]);
            String key = TimerCheckpoint.queueKey(topic, queueId);
            long from = Math.max(queueOffsets.getOrDefault(key, 0L), store.minOffsetInQueue(topic, queueId));
            long max = store.maxOffsetInQueue(topic, queueId);
            if (from >= max) {
                continue;
            }
            try (GetMessageResult result = store.getMessages(topic, queueId, from, INDEX_BATCH, 4 * 1024 * 1024,
                    MessageFilter.ALL)) {
                for (int i = 0; i < result.messages().size(); i++) {
                    MappedSlice slice = result.messages().get(i);
                    MessageMeta meta = MessageCodec.decodeMeta(slice.buffer(), 0);
                    add(meta.physicalOffset(), meta.sizeBytes(), deliverAt(meta.properties(), now), now);
                    queueOffsets.put(key, result.queueOffsets().get(i) + 1);
                }
                queueOffsets.put(key, Math.max(result.nextBeginOffset(), queueOffsets.getOrDefault(key, 0L)));
                more |= result.nextBeginOffset() < max;
            } catch (IOException e) {
                log.error("Could not append to the timer log; indexing pauses", e);
                return false;
            }
        }
        return more;
    }

    private static long deliverAt(String properties, long now) {
        String value = MessageProperties.get(properties, MessageConst.TIMER_OUT_MS);
        try {
            return value == null ? now : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return now;
        }
    }

    private void add(long commitLogOffset, int sizeBytes, long deliverAt, long now) throws IOException {
        boolean roll = deliverAt - now > rollWindowMillis;
        // never behind the cursor: a checkpoint written before its delivery must not count it as delivered
        long target = Math.max(roll ? now + rollWindowMillis : deliverAt, deliveredBeforeMillis);
        long position = timerLog.append(target, commitLogOffset, sizeBytes, roll, -1);
        TimerRecord record = new TimerRecord(target, commitLogOffset, sizeBytes, roll, -1);
        if (record.targetSecond() <= loadedSecond) {
            ready.add(new Pending(position, record));
        } else {
            timerLog.relink(position, wheel.push(record.targetSecond(), position));
        }
        indexed.incrementAndGet();
    }

    /** Moves the entries of the seconds up to one second ahead of the clock into the ready queue. */
    private void load(long now) {
        long until = Math.floorDiv(now + PRELOAD_MILLIS, TimeWheel.SLOT_MILLIS);
        while (loadedSecond < until && ready.size() < MAX_READY) {
            long second = loadedSecond + 1;
            Set<Long> seen = new HashSet<>();
            long position = wheel.take(second);
            while (position >= 0) {
                TimerRecord record = timerLog.read(position);
                if (record == null) {
                    log.warn("Timer log entry {} of second {} is missing; the rest of its slot is skipped", position,
                            second);
                    break;
                }
                long next = record.prevPosition();
                if (record.targetSecond() > second) {
                    timerLog.relink(position, wheel.push(record.targetSecond(), position));
                } else if (record.targetMillis() >= deliveredBeforeMillis && seen.add(record.commitLogOffset())) {
                    ready.add(new Pending(position, record));
                }
                position = next;
            }
            loadedSecond = second;
        }
    }

    /** Delivers what is due; true if more is due right away. */
    private boolean deliver(long now) {
        List<Pending> batch = new ArrayList<>();
        retries.removeIf(retry -> retry.notBeforeMillis() <= now && batch.add(retry.pending()));
        while (!ready.isEmpty() && ready.peek().record().targetMillis() <= now && batch.size() < DELIVERY_BATCH) {
            batch.add(ready.poll());
        }
        if (!batch.isEmpty()) {
            List<CompletableFuture<DueMessageWriter.Outcome>> puts = new ArrayList<>(batch.size());
            for (Pending pending : batch) {
                puts.add(writer.write(pending.record()));
            }
            for (int i = 0; i < batch.size(); i++) {
                DueMessageWriter.Outcome outcome = outcome(puts.get(i));
                if (outcome == DueMessageWriter.Outcome.FAILED) {
                    retries.add(new Retry(batch.get(i), now + RETRY_DELAY_MILLIS));
                } else if (outcome == DueMessageWriter.Outcome.STORED && !batch.get(i).record().roll()) {
                    delivered.incrementAndGet();
                }
            }
        }
        advanceCursor(now);
        return batch.size() >= DELIVERY_BATCH;
    }

    private static DueMessageWriter.Outcome outcome(CompletableFuture<DueMessageWriter.Outcome> put) {
        try {
            return put.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            return DueMessageWriter.Outcome.FAILED;
        }
    }

    /** Everything due before the cursor is delivered; it never passes the clock (preloaded is not delivered). */
    private void advanceCursor(long now) {
        long cursor = Math.min((loadedSecond + 1) * TimeWheel.SLOT_MILLIS, now + 1);
        if (!ready.isEmpty()) {
            cursor = Math.min(cursor, ready.peek().record().targetMillis());
        }
        for (Retry retry : retries) {
            cursor = Math.min(cursor, retry.pending().record().targetMillis());
        }
        deliveredBeforeMillis = Math.max(deliveredBeforeMillis, cursor);
    }

    private void checkpoint() {
        if (queueOffsets.isEmpty()) {
            // Nothing was ever indexed: a start without a checkpoint begins where this one would (at the clock, the
            // queues from their start), so an idle broker writes nothing, and a new one loads no JSON classes.
            lastCheckpointNanos = System.nanoTime();
            return;
        }
        try {
            timerLog.force();
            new TimerCheckpoint(timerLog.endPosition(), deliveredBeforeMillis, queueOffsets).write(checkpointFile);
            timerLog.deleteSegmentsBefore(deliveredBeforeMillis);
        } catch (IOException | RuntimeException e) {
            log.error("Could not write the timer checkpoint {}", checkpointFile, e);
        }
        lastCheckpointNanos = System.nanoTime();
    }

    private void await(long now) {
        long deadline = loadedSecond * TimeWheel.SLOT_MILLIS + TimeWheel.SLOT_MILLIS - PRELOAD_MILLIS;
        if (!ready.isEmpty()) {
            deadline = Math.min(deadline, ready.peek().record().targetMillis());
        }
        for (Retry retry : retries) {
            deadline = Math.min(deadline, retry.notBeforeMillis());
        }
        long waitMillis = Math.min(deadline - now, MAX_WAIT_MILLIS);
        synchronized (signal) {
            if (!signalled && waitMillis > 0 && running) {
                try {
                    signal.wait(waitMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            signalled = false;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(MAX_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
