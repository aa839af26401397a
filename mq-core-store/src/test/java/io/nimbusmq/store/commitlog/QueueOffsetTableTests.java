package io.nimbusmq.store.commitlog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueueOffsetTableTests {

    private final QueueOffsetTable table = new QueueOffsetTable();

    @Test
    void assignsConsecutiveOffsetsPerTopicAndQueue() {
        assertThat(table.assign("A", 0, 1)).isZero();
        assertThat(table.assign("A", 0, 3)).isEqualTo(1);
        assertThat(table.assign("A", 1, 1)).isZero();
        assertThat(table.assign("B", 0, 1)).isZero();

        assertThat(table.next("A", 0)).isEqualTo(4);
        assertThat(table.next("A", 1)).isEqualTo(1);
        assertThat(table.next("A", 2)).isZero();
        assertThat(table.next("C", 0)).isZero();
    }

    @Test
    void keepsOffsetsAcrossGrowthAndForQueueIdsBeyondTheDenseRange() {
        table.set("A", 3, 30);
        table.set("A", 1000, 7);
        table.set("A", QueueOffsetTable.DENSE_QUEUE_IDS - 1, 5);
        table.set("A", Integer.MAX_VALUE, 9);

        assertThat(table.assign("A", 3, 1)).isEqualTo(30);
        assertThat(table.next("A", 3)).isEqualTo(31);
        assertThat(table.next("A", 1000)).isEqualTo(7);
        assertThat(table.next("A", QueueOffsetTable.DENSE_QUEUE_IDS - 1)).isEqualTo(5);
        assertThat(table.assign("A", Integer.MAX_VALUE, 2)).isEqualTo(9);
        assertThat(table.next("A", Integer.MAX_VALUE)).isEqualTo(11);
        assertThat(table.next("A", QueueOffsetTable.DENSE_QUEUE_IDS)).isZero();
    }

    @Test
    void removeTopicForgetsOnlyThatTopic() {
        table.set("a", 0, 5);
        table.set("a-1", 0, 6);

        table.removeTopic("a");

        assertThat(table.next("a", 0)).isZero();
        assertThat(table.next("a-1", 0)).isEqualTo(6);
    }
}
