package io.nimbusmq.remoting.protocol;

import java.util.Random;
import java.util.function.Consumer;

/**
 * A seeded, time-bounded fuzz loop for JUnit: runs a case with a fresh {@link Random} per seed until the time is up
 * (at least {@value #MIN_CASES} cases), and names the seed of a case that fails, to rerun it alone.
 *
 * <p>Seeds start at 1, so that every build tries the same cases first (a faster machine tries more).
 * {@code -Dfuzz.seconds=N} (default 3 per fuzz test) runs longer; {@code -Dfuzz.seed=S} starts the seeds at S
 * (a random start explores new cases), and with {@code -Dfuzz.seconds=0} runs that one seed only.
 */
public final class Fuzz {

    static final int MIN_CASES = 200;

    private Fuzz() {
    }

    /** Runs {@code fuzzCase} on seed after seed; returns how many cases ran. */
    public static long run(Consumer<Random> fuzzCase) {
        long first = Long.getLong("fuzz.seed", 1);
        long seconds = Long.getLong("fuzz.seconds", 3);
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long cases = 0;
        for (long seed = first; cases == 0 || seconds > 0 && (cases < MIN_CASES || System.nanoTime() < deadline);
                seed++) {
            try {
                fuzzCase.accept(new Random(seed));
            } catch (RuntimeException | AssertionError e) {
                throw new AssertionError("fuzz case failed; rerun it alone with -Dfuzz.seed=" + seed
                        + " -Dfuzz.seconds=0", e);
            }
            cases++;
        }
        return cases;
    }

    /** Up to {@code maxBytes} random bytes. */
    public static byte[] bytes(Random random, int maxBytes) {
        byte[] bytes = new byte[random.nextInt(maxBytes + 1)];
        random.nextBytes(bytes);
        return bytes;
    }

    /** Text of any code points, control characters and surrogate pairs included, up to {@code maxChars}. */
    public static String text(Random random, int maxChars) {
        StringBuilder sb = new StringBuilder();
        int length = random.nextInt(maxChars + 1);
        while (sb.length() < length) {
            int kind = random.nextInt(4);
            sb.appendCodePoint(kind == 0 ? random.nextInt(0x20) : kind == 1 ? 0x20 + random.nextInt(0x5F)
                    : kind == 2 ? 0xA0 + random.nextInt(0xD7FF - 0xA0) : 0x10000 + random.nextInt(0x10000));
        }
        return sb.toString();
    }

    /**
     * {@code frame} with 1 to 8 changes: bytes flipped, a run of random bytes written over it, a slice repeated,
     * or the end cut or grown. The first {@code keep} bytes are left alone.
     */
    public static byte[] mutate(Random random, byte[] frame, int keep) {
        byte[] out = frame.clone();
        for (int changes = 1 + random.nextInt(8); changes > 0 && out.length > keep; changes--) {
            int at = keep + random.nextInt(out.length - keep);
            switch (random.nextInt(4)) {
                case 0 -> out[at] ^= (byte) (1 + random.nextInt(255));
                case 1 -> {
                    byte[] run = bytes(random, 8);
                    System.arraycopy(run, 0, out, at, Math.min(run.length, out.length - at));
                }
                case 2 -> {
                    int length = Math.min(out.length - at, 1 + random.nextInt(16));
                    byte[] grown = new byte[out.length + length];
                    System.arraycopy(out, 0, grown, 0, at + length);
                    System.arraycopy(out, at, grown, at + length, out.length - at);
                    out = grown;
                }
                default -> out = java.util.Arrays.copyOf(out, Math.max(keep, out.length + random.nextInt(17) - 8));
            }
        }
        return out;
    }
}
