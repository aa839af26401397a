package io.nimbusmq.broker.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Broker state files (topics, consumer offsets) as JSON, replaced atomically: written to a temporary file, forced,
 * then renamed over the old one, so a crash leaves either the old or the new content, never half of it.
 */
public final class JsonFiles {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private JsonFiles() {
    }

    /** Reads {@code file} as {@code type}, or returns null if it does not exist. */
    public static <T> T read(Path file, Class<T> type) throws IOException {
        if (!Files.exists(file)) {
            return null;
        }
        return MAPPER.readValue(file.toFile(), type);
    }

    public static void write(Path file, Object value) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        byte[] bytes = MAPPER.writeValueAsBytes(value);
        Files.write(temp, bytes);
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
