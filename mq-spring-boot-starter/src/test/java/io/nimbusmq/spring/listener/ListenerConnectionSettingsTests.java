package io.nimbusmq.spring.listener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import io.nimbusmq.remoting.protocol.body.client.ConsumeFromWhere;

class ListenerConnectionSettingsTests {

    @Test
    void consumeFromWhereTakesShortAndRocketMqNames() {
        assertThat(ListenerConnectionSettings.parseConsumeFromWhere("s", "first_offset"))
                .isEqualTo(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        assertThat(ListenerConnectionSettings.parseConsumeFromWhere("s", "CONSUME_FROM_TIMESTAMP"))
                .isEqualTo(ConsumeFromWhere.CONSUME_FROM_TIMESTAMP);
        assertThat(ListenerConnectionSettings.parseConsumeFromWhere("s", "")).isNull();
        assertThatThrownBy(() -> ListenerConnectionSettings.parseConsumeFromWhere("@MessageListener(x)"
                + ".consumeFromWhere", "MIDDLE")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("@MessageListener(x).consumeFromWhere='MIDDLE'");
    }

    @Test
    void timestampsAreIsoInstantsOrRocketMqsFourteenDigits() {
        assertThat(ListenerConnectionSettings.parseTimestamp("s", "2026-01-31T08:00:00Z"))
                .isEqualTo(Instant.parse("2026-01-31T08:00:00Z"));
        assertThat(ListenerConnectionSettings.parseTimestamp("s", "20260131080000"))
                .isEqualTo(LocalDateTime.of(2026, 1, 31, 8, 0).atZone(ZoneId.systemDefault()).toInstant());
        assertThat(ListenerConnectionSettings.parseTimestamp("s", null)).isNull();
        assertThatThrownBy(() -> ListenerConnectionSettings.parseTimestamp("mq.consumer.consume-timestamp",
                "yesterday")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mq.consumer.consume-timestamp='yesterday'");
    }

    @Test
    void namespacesAreCheckedAsMqNamespace() {
        assertThat(ListenerConnectionSettings.parseNamespace("s", " tenant-a_1 ")).isEqualTo("tenant-a_1");
        assertThat(ListenerConnectionSettings.parseNamespace("s", null)).isEmpty();
        assertThatThrownBy(() -> ListenerConnectionSettings.parseNamespace("@MessageListener(x).namespace",
                "tenant%a")).isInstanceOf(InvalidListenerSettingException.class)
                .hasMessageContaining("@MessageListener(x).namespace = 'tenant%a'")
                .hasMessageContaining("letters, digits, '_' and '-'");
    }
}
