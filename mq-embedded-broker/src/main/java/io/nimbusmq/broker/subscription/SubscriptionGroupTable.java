package io.nimbusmq.broker.subscription;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import io.nimbusmq.broker.internal.JsonFiles;
import io.nimbusmq.message.SystemTopics;
import io.nimbusmq.remoting.protocol.body.DataVersion;
import io.nimbusmq.remoting.protocol.body.admin.SubscriptionGroupConfig;
import io.nimbusmq.remoting.protocol.body.admin.SubscriptionGroupWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's consumer groups (RocketMQ's {@code SubscriptionGroupManager}), persisted to
 * {@code config/subscriptionGroup.json} on every change, in RocketMQ's shape ({@link SubscriptionGroupWrapper}).
 *
 * <p>A group is created with RocketMQ's defaults the first time it is seen (a heartbeat, a pull, a send-back) while
 * {@code autoCreateSubscriptionGroup} is on (the default); with it off, only groups created by an admin
 * ({@code mqadmin updateSubGroup}) may consume, and others are refused with SUBSCRIPTION_GROUP_NOT_EXIST. RocketMQ's
 * system groups ({@link SystemTopics#SYSTEM_GROUPS}) always exist. A group's configuration decides whether it may
 * consume ({@code consumeEnable}) and how often a message is redelivered before it becomes a dead letter
 * ({@code retryMaxTimes}, when the consumer does not say).
 *
 * <p>Thread-safe: reads are lock-free; changes replace a group's immutable configuration and persist the table.
 */
public final class SubscriptionGroupTable {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionGroupTable.class);

    private final Path file;
    private final Clock clock;
    private final Map<String, SubscriptionGroupConfig> groups = new ConcurrentHashMap<>();
    private final AtomicReference<DataVersion> dataVersion;
    private volatile boolean autoCreate;

    /**
     * @param file where groups are persisted, or null to keep them in memory only
     * @param autoCreate whether unknown groups are created on first use ({@code autoCreateSubscriptionGroup})
     */
    public SubscriptionGroupTable(Path file, boolean autoCreate, Clock clock) {
        this.file = file;
        this.autoCreate = autoCreate;
        this.clock = clock;
        this.dataVersion = new AtomicReference<>(DataVersion.initial(clock.millis()));
    }

    public void load() throws IOException {
        if (file != null) {
            SubscriptionGroupWrapper stored = JsonFiles.read(file, SubscriptionGroupWrapper.class);
            if (stored != null) {
                groups.putAll(stored.subscriptionGroupTable());
                dataVersion.set(stored.dataVersion());
            }
        }
        for (String system : SystemTopics.SYSTEM_GROUPS) {
            groups.putIfAbsent(system, SubscriptionGroupConfig.defaults(system));
        }
    }

    public boolean isAutoCreate() {
        return autoCreate;
    }

    /** Turns auto-creation on or off at runtime ({@code updateBrokerConfig autoCreateSubscriptionGroup}). */
    public void setAutoCreate(boolean value) {
        this.autoCreate = value;
    }

    /** The group's configuration, if it exists. */
    public Optional<SubscriptionGroupConfig> find(String group) {
        return Optional.ofNullable(groups.get(group));
    }

    /**
     * The group's configuration, created with the defaults if it does not exist and auto-creation is on; empty if it
     * does not exist and may not be created.
     */
    public Optional<SubscriptionGroupConfig> findOrCreate(String group) {
        SubscriptionGroupConfig existing = groups.get(group);
        if (existing != null || !autoCreate) {
            return Optional.ofNullable(existing);
        }
        SubscriptionGroupConfig created = SubscriptionGroupConfig.defaults(group);
        SubscriptionGroupConfig raced = groups.putIfAbsent(group, created);
        if (raced != null) {
            return Optional.of(raced);
        }
        log.info("Auto-created subscription group {}", group);
        changed();
        return Optional.of(created);
    }

    /** The number of redeliveries before a message of {@code group} becomes a dead letter (16 by default). */
    public int retryMaxTimes(String group) {
        SubscriptionGroupConfig config = groups.get(group);
        return config == null ? SubscriptionGroupConfig.DEFAULT_RETRY_MAX_TIMES : config.retryMaxTimes();
    }

    public Collection<SubscriptionGroupConfig> all() {
        return List.copyOf(groups.values());
    }

    /** Creates or replaces a group. */
    public void createOrUpdate(SubscriptionGroupConfig config) {
        SubscriptionGroupConfig old = groups.put(config.groupName(), config);
        log.info("{} subscription group {}", old == null ? "Created" : "Updated", config.groupName());
        changed();
    }

    /** Removes a group; a system group stays. Returns whether it existed. */
    public boolean delete(String group) {
        if (SystemTopics.SYSTEM_GROUPS.contains(group)) {
            return false;
        }
        boolean removed = groups.remove(group) != null;
        if (removed) {
            log.info("Deleted subscription group {}", group);
            changed();
        }
        return removed;
    }

    /** The whole table with its version, as GET_ALL_SUBSCRIPTIONGROUP_CONFIG answers it. */
    public SubscriptionGroupWrapper snapshot() {
        return new SubscriptionGroupWrapper(new TreeMap<>(groups), dataVersion.get());
    }

    private void changed() {
        dataVersion.updateAndGet(v -> v.next(clock.millis()));
        try {
            persist();
        } catch (IOException e) {
            log.error("Could not persist subscription groups to {}", file, e);
        }
    }

    public synchronized void persist() throws IOException {
        if (file != null) {
            JsonFiles.write(file, snapshot());
        }
    }
}
