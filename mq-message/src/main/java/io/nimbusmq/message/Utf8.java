package io.nimbusmq.message;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 length and writing of strings without an intermediate {@code byte[]} when they are ASCII, as topics always
 * and property strings nearly always are: the put path encodes both for every message. Other strings are encoded
 * with {@link String#getBytes}, so the bytes are the same either way (malformed surrogates included).
 */
public final class Utf8 {

    private Utf8() {
    }

    /** Bytes {@code text} takes in UTF-8. */
    public static int length(String text) {
        return isAscii(text) ? text.length() : text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Writes {@code text} in UTF-8 at the buffer's position, which moves past it. */
    public static void put(ByteBuffer out, String text) {
        if (!isAscii(text)) {
            out.put(text.getBytes(StandardCharsets.UTF_8));
            return;
        }
        int length = text.length();
        int position = out.position();
        for (int i = 0; i < length; i++) {
            out.put(position + i, (byte) text.charAt(i));
        }
        out.position(position + length);
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
