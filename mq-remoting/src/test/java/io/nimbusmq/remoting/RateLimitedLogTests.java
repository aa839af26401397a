package io.nimbusmq.remoting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.SubstituteLogger;

class RateLimitedLogTests {

    private final List<String> lines = new ArrayList<>();
    private final MutableClock clock = new MutableClock();

    private RateLimitedLog log() {
        SubstituteLogger logger = new SubstituteLogger("test", null, false) {
            @Override
            public boolean isWarnEnabled() {
                return true;
            }

            @Override
            public void warn(String format, Object... arguments) {
                lines.add(MessageFormatter.arrayFormat(format, arguments).getMessage());
            }
        };
        return new RateLimitedLog(logger, 1_000, clock);
    }

    @Test
    void writesTheFirstLineOfAnIntervalAndCountsTheRest() {
        RateLimitedLog log = log();
        for (int i = 0; i < 5; i++) {
            log.warn("peer-a", "bad frame {}", i);
        }
        assertThat(lines).containsExactly("bad frame 0");
        clock.now += 1_000;
        log.warn("peer-a", "bad frame {}", 5);
        assertThat(lines).containsExactly("bad frame 0", "bad frame 5 (4 similar lines from peer-a left out)");
    }

    @Test
    void keysAreLimitedSeparately() {
        RateLimitedLog log = log();
        log.warn("peer-a", "x");
        log.warn("peer-b", "y");
        log.warn("peer-a", "z");
        assertThat(lines).containsExactly("x", "y");
        log.forget("peer-a");
        log.warn("peer-a", "again");
        assertThat(lines).containsExactly("x", "y", "again");
    }

    @Test
    void escapesControlBytesAndCutsLongText() {
        assertThat(RateLimitedLog.escape("ab\u0001\n\u001b[31mc")).isEqualTo("ab\\x01\\x0A\\x1B[31mc");
        assertThat(RateLimitedLog.escape("x".repeat(500))).hasSize(RateLimitedLog.MAX_ESCAPED_CHARS + 3)
                .endsWith("...");
        assertThat(RateLimitedLog.escape(null)).isEqualTo("null");
    }

    private static final class MutableClock extends Clock {
        long now = 1_000_000;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(now);
        }
    }
}
