package io.nimbusmq.client.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class ConsumeResultTests {

    @Test
    void aVerdictOnTheWholeBatchAppliesToEveryMessage() {
        ConsumeResult deadLetter = ConsumeResult.of(ConsumeStatus.DEAD_LETTER);
        assertThat(deadLetter.partWay()).isFalse();
        assertThat(deadLetter.firstUnfinished()).isZero();
        assertThat(IntStream.range(0, 3).mapToObj(deadLetter::statusOf)).containsOnly(ConsumeStatus.DEAD_LETTER);
    }

    @Test
    void aPartWayFailureAcknowledgesTheMessagesBeforeItAndRetriesTheOnesAfterIt() {
        ConsumeResult result = new ConsumeResult(ConsumeStatus.DEAD_LETTER, 2);
        assertThat(result.partWay()).isTrue();
        assertThat(result.firstUnfinished()).isEqualTo(2);
        assertThat(IntStream.range(0, 5).mapToObj(result::statusOf)).containsExactly(ConsumeStatus.SUCCESS,
                ConsumeStatus.SUCCESS, ConsumeStatus.DEAD_LETTER, ConsumeStatus.RETRY, ConsumeStatus.RETRY);
        assertThatThrownBy(() -> new ConsumeResult(ConsumeStatus.RETRY, -2))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
