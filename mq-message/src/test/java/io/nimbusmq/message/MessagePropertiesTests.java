package io.nimbusmq.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class MessagePropertiesTests {

    @Test
    void encodesNameValuePairsWithTrailingSeparator() {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("KEYS", "k1 k2");
        props.put("TAGS", "TagA");
        props.put("SKIPPED", null);
        assertThat(MessageProperties.encode(props)).isEqualTo("KEYS\u0001k1 k2\u0002TAGS\u0001TagA\u0002");
        assertThat(MessageProperties.encode(Map.of())).isEmpty();
    }

    @Test
    void decodeSkipsMalformedPiecesAndLastDuplicateWins() {
        Map<String, String> decoded = MessageProperties.decode("A\u00011\u0002junk\u0002B\u00012\u0002A\u00013");
        assertThat(decoded).containsExactly(Map.entry("A", "3"), Map.entry("B", "2"));
        assertThat(MessageProperties.decode(null)).isEmpty();
    }

    @Test
    void getReadsOnePropertyWithoutPrefixConfusion() {
        String props = "TAGSX\u0001no\u0002TAGS\u0001yes\u0002UNIQ_KEY\u0001U1\u0002";
        assertThat(MessageProperties.get(props, "TAGS")).isEqualTo("yes");
        assertThat(MessageProperties.get(props, "UNIQ_KEY")).isEqualTo("U1");
        assertThat(MessageProperties.get(props, "KEYS")).isNull();
        assertThat(MessageProperties.get("A\u00011\u0002A\u00012", "A")).isEqualTo("2");
        assertThat(MessageProperties.get("A\u0001", "A")).isEmpty();
    }

    @Test
    void containsFindsWholeNamesOnly() {
        String props = "TAGSX\u0001no\u0002UNIQ_KEY\u0001U1\u0002";
        assertThat(MessageProperties.contains(props, "UNIQ_KEY")).isTrue();
        assertThat(MessageProperties.contains(props, "TAGS")).isFalse();
        assertThat(MessageProperties.contains("", "TAGS")).isFalse();
        assertThat(MessageProperties.contains(null, "TAGS")).isFalse();
    }

    @Test
    void tagsCodeIsTheStringHash() {
        assertThat(MessageProperties.tagsCode("TagA")).isEqualTo("TagA".hashCode());
        assertThat(MessageProperties.tagsCode(null)).isZero();
    }
}
