package io.nimbusmq.benchmark.load;

import java.nio.ByteBuffer;
import java.util.Random;

/**
 * The body of every benchmark message: its id (8 bytes, big-endian), the sender's {@link System#nanoTime()} just
 * before the send (8 bytes; producer and consumer run in one JVM, so the receiver can subtract it), then filler up to
 * the body size. The filler is fixed pseudo-random bytes, so no compression or deduplication helps either broker.
 */
public final class MessageBody {

    public static final int HEADER_BYTES = 16;
    private static final byte[] FILLER = new byte[64 * 1024];

    static {
        new Random(20261121L).nextBytes(FILLER);
    }

    private MessageBody() {
    }

    public static byte[] encode(long id, long sendNanos, int size) {
        if (size < HEADER_BYTES || size > FILLER.length + HEADER_BYTES) {
            throw new IllegalArgumentException("body size must be in [" + HEADER_BYTES + ", "
                    + (FILLER.length + HEADER_BYTES) + "]: " + size);
        }
        byte[] body = new byte[size];
        ByteBuffer.wrap(body).putLong(id).putLong(sendNanos);
        System.arraycopy(FILLER, 0, body, HEADER_BYTES, size - HEADER_BYTES);
        return body;
    }

    public static long id(byte[] body) {
        return ByteBuffer.wrap(body).getLong(0);
    }

    public static long sendNanos(byte[] body) {
        return ByteBuffer.wrap(body).getLong(8);
    }
}
