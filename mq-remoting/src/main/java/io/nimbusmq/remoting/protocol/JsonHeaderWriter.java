package io.nimbusmq.remoting.protocol;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * Writes the JSON header of {@link JsonHeaderCodec} straight into the frame buffer, byte for byte what its Jackson
 * generator writes, without a generator, an output stream or number strings per command: every request and response
 * goes through here, on the Netty I/O thread.
 *
 * <p>Strings are written as UTF-8 with Jackson's default escapes: {@code "} and {@code \} with a backslash,
 * {@code \b \t \n \f \r} in their short form, other characters below 0x20 as {@code \}{@code u00XX} (upper-case hex),
 * every surrogate (paired or not) as {@code \}{@code uXXXX}, everything else as UTF-8 as is.
 */
final class JsonHeaderWriter {

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    private JsonHeaderWriter() {
    }

    /** Appends the header of {@code command} to {@code out}. */
    static void write(RemotingCommand command, ByteBuf out) {
        out.writeByte('{');
        writeKey(out, "code", false);
        writeInt(out, command.code());
        Map<String, String> extFields = command.extFields();
        if (!extFields.isEmpty()) {
            writeKey(out, "extFields", true);
            out.writeByte('{');
            String[] keys = extFields.keySet().toArray(new String[0]);
            Arrays.sort(keys); // alphabetical like fastjson
            for (int i = 0; i < keys.length; i++) {
                if (i > 0) {
                    out.writeByte(',');
                }
                writeString(out, keys[i]);
                out.writeByte(':');
                writeString(out, extFields.get(keys[i]));
            }
            out.writeByte('}');
        }
        writeKey(out, "flag", true);
        writeInt(out, command.flag());
        writeKey(out, "language", true);
        writeString(out, command.language().name());
        writeKey(out, "opaque", true);
        writeInt(out, command.opaque());
        if (command.remark() != null) {
            writeKey(out, "remark", true);
            writeString(out, command.remark());
        }
        writeKey(out, "serializeTypeCurrentRPC", true);
        writeString(out, SerializeType.JSON.name());
        writeKey(out, "version", true);
        writeInt(out, command.version());
        out.writeByte('}');
    }

    /** A field name of ASCII letters, and its colon. */
    private static void writeKey(ByteBuf out, String key, boolean comma) {
        if (comma) {
            out.writeByte(',');
        }
        out.writeByte('"');
        for (int i = 0; i < key.length(); i++) {
            out.writeByte(key.charAt(i));
        }
        out.writeByte('"');
        out.writeByte(':');
    }

    private static void writeInt(ByteBuf out, int value) {
        if (value == Integer.MIN_VALUE) {
            for (char c : "-2147483648".toCharArray()) {
                out.writeByte(c);
            }
            return;
        }
        if (value < 0) {
            out.writeByte('-');
            value = -value;
        }
        int divisor = 1;
        while (value / divisor >= 10) {
            divisor *= 10;
        }
        for (; divisor > 0; divisor /= 10) {
            out.writeByte('0' + value / divisor % 10);
        }
    }

    /** A quoted, escaped string. */
    private static void writeString(ByteBuf out, String text) {
        out.writeByte('"');
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                writeAscii(out, c);
            } else if (c < 0x800) {
                out.writeByte(0xC0 | c >> 6);
                out.writeByte(0x80 | c & 0x3F);
            } else if (!Character.isSurrogate(c)) {
                out.writeByte(0xE0 | c >> 12);
                out.writeByte(0x80 | c >> 6 & 0x3F);
                out.writeByte(0x80 | c & 0x3F);
            } else {
                writeUnicodeEscape(out, c);
            }
        }
        out.writeByte('"');
    }

    private static void writeAscii(ByteBuf out, char c) {
        if (c >= 0x20 && c != '"' && c != '\\') {
            out.writeByte(c);
            return;
        }
        out.writeByte('\\');
        switch (c) {
            case '"', '\\' -> out.writeByte(c);
            case '\b' -> out.writeByte('b');
            case '\t' -> out.writeByte('t');
            case '\n' -> out.writeByte('n');
            case '\f' -> out.writeByte('f');
            case '\r' -> out.writeByte('r');
            default -> writeHex(out, c);
        }
    }

    /** {@code c} as a backslash, {@code u} and four upper-case hex digits. */
    private static void writeUnicodeEscape(ByteBuf out, char c) {
        out.writeByte('\\');
        writeHex(out, c);
    }

    private static void writeHex(ByteBuf out, char c) {
        out.writeByte('u');
        out.writeByte(HEX[c >> 12]);
        out.writeByte(HEX[c >> 8 & 0xF]);
        out.writeByte(HEX[c >> 4 & 0xF]);
        out.writeByte(HEX[c & 0xF]);
    }
}
