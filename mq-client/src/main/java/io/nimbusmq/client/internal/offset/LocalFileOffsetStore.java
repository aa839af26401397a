package io.nimbusmq.client.internal.offset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.type.TypeReference;
import io.nimbusmq.remoting.protocol.body.RemotingJson;
import io.nimbusmq.remoting.protocol.body.client.MessageQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * BROADCASTING offsets, kept in a local JSON file ({@code {"topic@broker@queueId": offset}}) because every member
 * consumes everything and the broker has no single offset to keep. Written to a temporary file and moved into place,
 * so a crash leaves the previous file. A consumer's file is {@code <offsetStoreDir>/<group>/<name>/offsets.json}
 * with a stable name (no process id), claimed while the consumer runs ({@link OffsetFileSlot}).
 */
public final class LocalFileOffsetStore extends MemoryOffsets {

    private static final Logger log = LoggerFactory.getLogger(LocalFileOffsetStore.class);
    private static final TypeReference<Map<String, Long>> FILE_TYPE = new TypeReference<>() { };

    private final Path file;
    private final OffsetFileSlot slot;
    private final Map<String, Long> persisted = new ConcurrentHashMap<>();

    /** A store on {@code file}, which no other store of this process uses (tests and tools). */
    public LocalFileOffsetStore(Path file) {
        this(file, null);
    }

    private LocalFileOffsetStore(Path file, OffsetFileSlot slot) {
        this.file = file;
        this.slot = slot;
        load();
    }

    /**
     * The store of a consumer of {@code group}: {@code <offsetStoreDir>/<group>/<name>/offsets.json}, in the first
     * slot of {@code name} no live consumer holds ({@link OffsetFileSlot}), so that a restart finds it again.
     */
    public static LocalFileOffsetStore open(Path offsetStoreDir, String group, String name) {
        OffsetFileSlot slot = OffsetFileSlot.claim(offsetStoreDir.resolve(group), name);
        return new LocalFileOffsetStore(slot.offsetFile(), slot);
    }

    public Path file() {
        return file;
    }

    private void load() {
        if (!Files.exists(file)) {
            return;
        }
        try {
            persisted.putAll(RemotingJson.mapper().readValue(file.toFile(), FILE_TYPE));
        } catch (IOException e) {
            log.warn("Ignoring unreadable offset file {}: {}", file, e.getMessage());
        }
    }

    @Override
    public long readFromStore(MessageQueue queue) {
        Long offset = persisted.get(key(queue));
        if (offset == null) {
            return -1;
        }
        offsets.put(queue, offset);
        return offset;
    }

    @Override
    public synchronized void persistAll(Collection<MessageQueue> queues) {
        for (MessageQueue queue : queues) {
            Long offset = offsets.get(queue);
            if (offset != null) {
                persisted.put(key(queue), offset);
            }
        }
        write();
    }

    @Override
    public void persist(MessageQueue queue) {
        persistAll(java.util.List.of(queue));
    }

    /** Releases the file for the next consumer of the same name (call after the last {@link #persistAll}). */
    @Override
    public void close() {
        if (slot != null) {
            slot.close();
        }
    }

    private void write() {
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(temp, RemotingJson.encode(new TreeMap<>(persisted)));
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write offset file " + file, e);
        }
    }

    private static String key(MessageQueue queue) {
        return queue.topic() + "@" + queue.brokerName() + "@" + queue.queueId();
    }
}
