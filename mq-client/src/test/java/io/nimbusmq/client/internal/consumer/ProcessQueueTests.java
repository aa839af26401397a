package io.nimbusmq.client.internal.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.nimbusmq.client.ReceivedMessage;
import org.junit.jupiter.api.Test;

class ProcessQueueTests {

    private static ReceivedMessage message(long offset) {
        return new ReceivedMessage("T", "b", 0, offset, 0, "id" + offset, "", 0, 0, 0, 0, "", 0, "", Map.of(),
                new byte[10]);
    }

    @Test
    void theCommitOffsetIsTheFirstUnfinishedMessage() {
        ProcessQueue queue = new ProcessQueue();
        queue.put(List.of(message(5), message(6), message(7)));
        assertThat(queue.count()).isEqualTo(3);
        assertThat(queue.bodyBytes()).isEqualTo(30);

        assertThat(queue.remove(List.of(message(6)))).isEqualTo(5);
        assertThat(queue.remove(List.of(message(5)))).isEqualTo(7);
        assertThat(queue.remove(List.of(message(7)))).isEqualTo(8);
        assertThat(queue.count()).isZero();
        assertThat(queue.bodyBytes()).isZero();
    }

    @Test
    void orderlyTakeCommitAndConsumeAgain() {
        ProcessQueue queue = new ProcessQueue();
        assertThat(queue.put(List.of(message(0), message(1), message(2)))).as("start a consume task").isTrue();
        assertThat(queue.put(List.of(message(3)))).as("one is already running").isFalse();

        List<ReceivedMessage> taken = queue.take(2);
        assertThat(taken).extracting(ReceivedMessage::queueOffset).containsExactly(0L, 1L);
        queue.consumeAgain(List.of(ReceivedMessages.withReconsumeTimes(taken.get(0), 1),
                ReceivedMessages.withReconsumeTimes(taken.get(1), 1)));
        List<ReceivedMessage> again = queue.take(2);
        assertThat(again).extracting(ReceivedMessage::reconsumeTimes).containsExactly(1, 1);
        assertThat(queue.commit()).isEqualTo(2);
        assertThat(queue.take(10)).hasSize(2);
        assertThat(queue.commit()).isEqualTo(4);
        assertThat(queue.take(10)).as("the task ends").isEmpty();
        assertThat(queue.put(List.of(message(4)))).as("a new task starts").isTrue();
    }

    @Test
    void locksExpireAfterThirtySeconds() {
        ProcessQueue queue = new ProcessQueue();
        queue.setLocked(true, 1_000);
        assertThat(queue.isLocked()).isTrue();
        assertThat(queue.isLockExpired(1_000 + 30_000)).isFalse();
        assertThat(queue.isLockExpired(1_000 + 30_001)).isTrue();
    }

    @Test
    void onlyTheFirstMessageExpiresAndOnlyOnceItsCallHasRunPastTheTimeout() {
        ProcessQueue queue = new ProcessQueue();
        queue.put(List.of(message(5), message(6), message(7)));
        queue.consumeStarted(List.of(message(6)), 1_000);
        assertThat(queue.firstOverdue(100_000, 500)).as("the first message's call has not started").isNull();

        queue.consumeStarted(List.of(message(5)), 1_000);

        assertThat(queue.firstOverdue(1_500, 500)).as("not past the timeout yet").isNull();
        assertThat(queue.firstOverdue(1_501, 500)).extracting(ReceivedMessage::queueOffset).isEqualTo(5L);
        assertThat(queue.removeIfFirst(message(6))).as("not the first").isEqualTo(-1);
        assertThat(queue.removeIfFirst(message(5))).as("commit up to the next one").isEqualTo(6);
        assertThat(queue.firstOverdue(1_501, 500)).extracting(ReceivedMessage::queueOffset).isEqualTo(6L);
        assertThat(queue.remove(List.of(message(6), message(7)))).isEqualTo(8);
        assertThat(queue.firstOverdue(100_000, 500)).isNull();
    }
}

