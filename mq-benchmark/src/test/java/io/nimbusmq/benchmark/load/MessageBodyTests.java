package io.nimbusmq.benchmark.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class MessageBodyTests {

    @Test
    void carriesIdAndSendTimeAtTheRequestedSize() {
        byte[] body = MessageBody.encode(123_456_789_012L, -42L, 1024);

        assertThat(body).hasSize(1024);
        assertThat(MessageBody.id(body)).isEqualTo(123_456_789_012L);
        assertThat(MessageBody.sendNanos(body)).isEqualTo(-42L);
    }

    @Test
    void fillerIsTheSameForEveryMessageButNotUniform() {
        byte[] a = MessageBody.encode(1, 1, 256);
        byte[] b = MessageBody.encode(2, 2, 256);

        byte[] filler = Arrays.copyOfRange(a, 16, 256);
        assertThat(filler).isEqualTo(Arrays.copyOfRange(b, 16, 256));
        assertThat(IntStream.range(0, filler.length).map(i -> filler[i]).distinct().count()).isGreaterThan(100);
    }

    @Test
    void theSmallestBodyIsTheHeader() {
        assertThat(MessageBody.encode(7, 8, MessageBody.HEADER_BYTES)).hasSize(16);
        assertThatThrownBy(() -> MessageBody.encode(7, 8, 15)).isInstanceOf(IllegalArgumentException.class);
    }
}
