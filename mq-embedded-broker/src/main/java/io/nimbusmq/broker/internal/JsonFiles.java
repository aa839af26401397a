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
 *
 * <p>Jackson is set up on the first file read or written, not before: a broker that starts on a new store reads no
 * file and (until something changes) writes none, so its start loads no Jackson class (docs/broker.md, "Start-up").
 */
public final class JsonFiles {

    private JsonFiles() {
    }

    /** The mapper, made when first used (class initialization is lazy and thread-safe). */
    private static final class Mapper {
        static final ObjectMapper INSTANCE = new ObjectMapper()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
                .enable(SerializationFeature.INDENT_OUTPUT);
    }

    /** Reads {@code file} as {@code type}, or returns null if it does not exist. */
    public static <T> T read(Path file, Class<T> type) throws IOException {
        if (!Files.exists(file)) {
            return null;
        }
        return Mapper.INSTANCE.readValue(file.toFile(), type);
    }

    public static void write(Path file, Object value) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        byte[] bytes = Mapper.INSTANCE.writeValueAsBytes(value);
        Files.write(temp, bytes);
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
