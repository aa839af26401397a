package io.nimbusmq.remoting.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Golden frames stored as commented hex text under {@code src/test/resources/protocol/}. */
public final class GoldenFrames {

    /** GET_MAX_OFFSET, opaque 7, ext {topic: T}, ROCKETMQ header. */
    public static final String GET_MAX_OFFSET_ROCKETMQ = "get-max-offset.rocketmq.hex";
    /** GET_MAX_OFFSET, opaque 7, ext {topic: T}, JSON header, body 0x0102. */
    public static final String GET_MAX_OFFSET_JSON = "get-max-offset.json.hex";

    private GoldenFrames() {
    }

    /** The bytes of a golden file: hex digits, whitespace ignored, {@code #} starts a comment line. */
    public static byte[] load(String name) {
        try (InputStream in = GoldenFrames.class.getResourceAsStream("/protocol/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no golden file protocol/" + name);
            }
            StringBuilder hex = new StringBuilder();
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                if (!line.strip().startsWith("#")) {
                    hex.append(line.replaceAll("\\s+", ""));
                }
            }
            return HexFormat.of().parseHex(hex);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
