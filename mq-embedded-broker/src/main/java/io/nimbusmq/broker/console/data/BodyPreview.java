package io.nimbusmq.broker.console.data;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nimbusmq.broker.console.model.MessageViews;
import io.nimbusmq.message.MessageSysFlag;

/**
 * A body as a person can read it: inflated when the producer compressed it, pretty-printed when it is JSON, as text
 * when it is valid UTF-8 without control characters, else as a hex dump. Previews stop at {@value #MAX_PREVIEW_BYTES}
 * bytes of body.
 */
final class BodyPreview {

    static final int MAX_PREVIEW_BYTES = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private BodyPreview() {
    }

    static MessageViews.Body of(byte[] stored, int sysFlag) {
        boolean compressed = (sysFlag & MessageSysFlag.COMPRESSED) != 0;
        byte[] body = compressed ? inflate(stored) : stored;
        if (body == null) {
            return new MessageViews.Body("hex", hex(stored), stored.length, true, stored.length > MAX_PREVIEW_BYTES);
        }
        boolean truncated = body.length > MAX_PREVIEW_BYTES;
        String text = truncated ? null : utf8Text(body);
        if (text != null) {
            String json = prettyJson(text);
            return new MessageViews.Body(json != null ? "json" : "text", json != null ? json : text, body.length,
                    compressed, false);
        }
        if (truncated) {
            String head = utf8Text(java.util.Arrays.copyOf(body, MAX_PREVIEW_BYTES));
            if (head != null) {
                return new MessageViews.Body("text", head, body.length, compressed, true);
            }
        }
        return new MessageViews.Body("hex", hex(body), body.length, compressed, truncated);
    }

    /** The text if {@code bytes} are UTF-8 with no control characters but tab, CR and LF; else null. */
    static String utf8Text(byte[] bytes) {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            for (int i = 0; i < chars.length(); i++) {
                char c = chars.charAt(i);
                if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7F) {
                    return null;
                }
            }
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String prettyJson(String text) {
        String trimmed = text.trim();
        if (!(trimmed.startsWith("{") || trimmed.startsWith("["))) {
            return null;
        }
        try {
            JsonNode tree = JSON.readTree(trimmed);
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** Offset, 16 bytes in hex, and their printable ASCII, per line. */
    static String hex(byte[] bytes) {
        int length = Math.min(bytes.length, MAX_PREVIEW_BYTES);
        StringBuilder out = new StringBuilder(length * 4 + 64);
        for (int line = 0; line < length; line += 16) {
            out.append(String.format("%08x  ", line));
            StringBuilder ascii = new StringBuilder(16);
            for (int i = line; i < line + 16; i++) {
                if (i < length) {
                    out.append(String.format("%02x ", bytes[i] & 0xFF));
                    char c = (char) (bytes[i] & 0xFF);
                    ascii.append(c >= 0x20 && c < 0x7F ? c : '.');
                } else {
                    out.append("   ");
                }
            }
            out.append(' ').append(ascii).append('\n');
        }
        return out.toString();
    }

    /** The zlib-inflated body (RocketMQ's compression), at most a little over the preview size; null if corrupt. */
    private static byte[] inflate(byte[] compressed) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(compressed);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] chunk = new byte[8192];
            while (!inflater.finished() && out.size() <= MAX_PREVIEW_BYTES) {
                int n = inflater.inflate(chunk);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                out.write(chunk, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            return null;
        } finally {
            inflater.end();
        }
    }
}
