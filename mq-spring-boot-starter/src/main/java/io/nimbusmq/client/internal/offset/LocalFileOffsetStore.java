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
 * so a crash leaves the previous file.
 */
public final class LocalFileOffsetStore implements OffsetStore {

    private static final Logger log = LoggerFactory.getLogger(LocalFileOffsetStore.class);
    private static final TypeReference<Map<String, Long>> FILE_TYPE = new TypeReference<>() { };

    private final Path file;
    private final Map<MessageQueue, Long> offsets = new ConcurrentHashMap<>();
    private final Map<String, Long> persisted = new ConcurrentHashMap<>();

    /** @param file e.g. {@code <offsetStoreDir>/<clientIp@instanceName>/<group>/offsets.json} */
    public LocalFileOffsetStore(Path file) {
        this.file = file;
        load();
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
    public long readFromMemory(MessageQueue queue) {
        return offsets.getOrDefault(queue, -1L);
    }

    @Override
    public void update(MessageQueue queue, long offset, boolean increaseOnly) {
        offsets.merge(queue, offset, (old, value) -> increaseOnly ? Math.max(old, value) : value);
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

    @Override
    public void remove(MessageQueue queue) {
        offsets.remove(queue);
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
