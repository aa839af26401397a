package io.nimbusmq.remoting;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;

/**
 * Logs what a peer did wrong at most once per interval and key (typically the peer's address, or the user and the
 * peer), so that a hostile or broken peer cannot flood the log: the first line of an interval is written, the rest
 * are counted, and the next line written for that key says how many were left out.
 *
 * <p>What a peer sent is written through {@link #escape(CharSequence)}: control bytes appear as {@code \xNN},
 * never raw, and the text is cut at {@link #MAX_ESCAPED_CHARS}.
 *
 * <p>Thread-safe. Keys are kept until {@link #forget(String)} (connection closed) or until the table passes
 * {@link #MAX_KEYS}, when it is cleared.
 */
public final class RateLimitedLog {

    /** Longest peer-supplied text written into one line. */
    public static final int MAX_ESCAPED_CHARS = 200;
    /** The interval of the transport's per-peer logs: at most one line per peer and kind every 10 s. */
    public static final long PEER_INTERVAL_MILLIS = 10_000;
    static final int MAX_KEYS = 10_000;

    private final Logger log;
    private final long intervalMillis;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public RateLimitedLog(Logger log, long intervalMillis, Clock clock) {
        if (intervalMillis <= 0) {
            throw new IllegalArgumentException("intervalMillis must be positive: " + intervalMillis);
        }
        this.log = log;
        this.intervalMillis = intervalMillis;
        this.clock = clock;
    }

    /**
     * One WARN line for {@code key}, unless one was written less than the interval ago. A stack trace only if the
     * last argument is a {@link Throwable} that no placeholder takes (SLF4J's rule): pass one only for our own bugs,
     * never for bad input.
     */
    public void warn(String key, String format, Object... args) {
        long suppressed = admit(key);
        if (suppressed >= 0 && log.isWarnEnabled()) {
            log.warn(withSuppressed(format, suppressed, key), args);
        }
    }

    /** {@link #warn} at INFO: for what a peer may do without being wrong (closing, going idle), many times over. */
    public void info(String key, String format, Object... args) {
        long suppressed = admit(key);
        if (suppressed >= 0 && log.isInfoEnabled()) {
            log.info(withSuppressed(format, suppressed, key), args);
        }
    }

    private static String withSuppressed(String format, long suppressed, String key) {
        return suppressed == 0 ? format : format + " (" + suppressed + " similar lines from " + key + " left out)";
    }

    /** Drops what is remembered about {@code key}, for example when its connection closes. */
    public void forget(String key) {
        windows.remove(key);
    }

    /** @return -1 to stay quiet, else the number of lines left out since the last one written */
    private long admit(String key) {
        long now = clock.millis();
        if (windows.size() >= MAX_KEYS && !windows.containsKey(key)) {
            windows.clear();
        }
        Window window = windows.computeIfAbsent(key, k -> new Window());
        synchronized (window) {
            if (window.writtenAtMillis != Long.MIN_VALUE && now - window.writtenAtMillis < intervalMillis) {
                window.suppressed.incrementAndGet();
                return -1;
            }
            window.writtenAtMillis = now;
            return window.suppressed.getAndSet(0);
        }
    }

    /**
     * Peer-supplied text made safe for one log line: printable ASCII as is, other characters below U+00A0 as
     * {@code \xNN}, cut at {@link #MAX_ESCAPED_CHARS} characters with a trailing {@code ...}.
     */
    public static String escape(CharSequence text) {
        if (text == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder(Math.min(text.length(), MAX_ESCAPED_CHARS) + 8);
        for (int i = 0; i < text.length(); i++) {
            if (sb.length() >= MAX_ESCAPED_CHARS) {
                return sb.append("...").toString();
            }
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7F || c >= 0xA0) {
                sb.append(c);
            } else {
                sb.append(String.format("\\x%02X", (int) c & 0xFF));
            }
        }
        return sb.toString();
    }

    private static final class Window {
        long writtenAtMillis = Long.MIN_VALUE;
        final AtomicLong suppressed = new AtomicLong();
    }
}
