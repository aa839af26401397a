package io.nimbusmq.store.dispatch;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Topic names by their UTF-8 bytes in a record, so that dispatching a message of a known topic builds no string.
 *
 * <p>An open-addressing table of byte arrays and their strings, at most half full. It holds at most
 * {@value #MAX_TOPICS} topics; one more empties it and it fills again (a store with more topics than that pays one
 * string per message, as before this cache). Owned by one thread (the dispatch thread).
 */
final class TopicCache {

    static final int MAX_TOPICS = 4096;
    private static final int INITIAL_SLOTS = 64;

    private byte[][] keys = new byte[INITIAL_SLOTS][];
    private String[] names = new String[INITIAL_SLOTS];
    private int size;

    /** The topic whose UTF-8 bytes are {@code length} bytes at {@code start} of {@code buf}. */
    String get(ByteBuffer buf, int start, int length) {
        int hash = hash(buf, start, length);
        int mask = keys.length - 1;
        for (int slot = hash & mask;; slot = (slot + 1) & mask) {
            byte[] key = keys[slot];
            if (key == null) {
                return add(buf, start, length, hash);
            }
            if (key.length == length && sameBytes(buf, start, key)) {
                return names[slot];
            }
        }
    }

    int size() {
        return size;
    }

    private String add(ByteBuffer buf, int start, int length, int hash) {
        byte[] key = new byte[length];
        buf.get(start, key);
        String name = new String(key, StandardCharsets.UTF_8);
        if (size >= MAX_TOPICS) {
            keys = new byte[INITIAL_SLOTS][];
            names = new String[INITIAL_SLOTS];
            size = 0;
        } else if ((size + 1) * 2 > keys.length) {
            grow();
        }
        put(key, name, hash);
        size++;
        return name;
    }

    private void grow() {
        byte[][] oldKeys = keys;
        String[] oldNames = names;
        keys = new byte[oldKeys.length * 2][];
        names = new String[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                put(oldKeys[i], oldNames[i], hash(ByteBuffer.wrap(oldKeys[i]), 0, oldKeys[i].length));
            }
        }
    }

    private void put(byte[] key, String name, int hash) {
        int mask = keys.length - 1;
        int slot = hash & mask;
        while (keys[slot] != null) {
            slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        names[slot] = name;
    }

    private static int hash(ByteBuffer buf, int start, int length) {
        int h = 1;
        for (int i = start; i < start + length; i++) {
            h = 31 * h + buf.get(i);
        }
        return h ^ (h >>> 16);
    }

    private static boolean sameBytes(ByteBuffer buf, int start, byte[] key) {
        for (int i = 0; i < key.length; i++) {
            if (buf.get(start + i) != key[i]) {
                return false;
            }
        }
        return true;
    }
}
