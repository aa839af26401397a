package io.nimbusmq.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Utf8Tests {

    @ParameterizedTest
    @ValueSource(strings = {"", "TopicA", "KEYS\u0001k1\u0002UNIQ_KEY\u0001AC11\u0002", "caf\u00e9 \u4e2d\u6587",
        "emoji \ud83d\ude00", "lone \ud83d surrogate", "\u007f\u0080\u07ff\u0800\uffff"})
    void writesTheSameBytesAsTheJdkEncoder(String text) {
        byte[] expected = text.getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate(expected.length + 4);
        out.put((byte) 7);

        Utf8.put(out, text);

        assertThat(Utf8.length(text)).isEqualTo(expected.length);
        assertThat(out.position()).isEqualTo(1 + expected.length);
        assertThat(Arrays.copyOfRange(out.array(), 1, 1 + expected.length)).isEqualTo(expected);
    }
}
