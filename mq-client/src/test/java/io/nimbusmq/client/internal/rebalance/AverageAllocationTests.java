package io.nimbusmq.client.internal.rebalance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import io.nimbusmq.remoting.protocol.body.client.MessageQueue;
import org.apache.rocketmq.client.consumer.rebalance.AllocateMessageQueueAveragely;
import org.junit.jupiter.api.Test;

class AverageAllocationTests {

    private static List<MessageQueue> queues(int count) {
        List<MessageQueue> queues = new ArrayList<>();
        IntStream.range(0, count).forEach(i -> queues.add(new MessageQueue("T", i % 2 == 0 ? "b" : "a", i)));
        return queues;
    }

    private static List<String> clients(int count) {
        return IntStream.range(0, count).mapToObj(i -> "10.0.0." + (9 - i) + "@" + i).toList();
    }

    @Test
    void everyQueueGoesToExactlyOneClient() {
        for (int n = 1; n <= 12; n++) {
            for (int c = 1; c <= 7; c++) {
                List<MessageQueue> queues = queues(n);
                Set<MessageQueue> taken = new HashSet<>();
                int total = 0;
                for (String client : clients(c)) {
                    List<MessageQueue> mine = AverageAllocation.allocate(queues, clients(c), client);
                    taken.addAll(mine);
                    total += mine.size();
                }
                assertThat(total).as("n=%d c=%d", n, c).isEqualTo(n);
                assertThat(taken).containsExactlyInAnyOrderElementsOf(queues);
            }
        }
    }

    @Test
    void agreesWithTheOfficialClientsAllocation() {
        AllocateMessageQueueAveragely official = new AllocateMessageQueueAveragely();
        for (int n = 1; n <= 10; n++) {
            for (int c = 1; c <= 5; c++) {
                List<MessageQueue> queues = queues(n);
                List<org.apache.rocketmq.common.message.MessageQueue> theirs = queues.stream().sorted()
                        .map(q -> new org.apache.rocketmq.common.message.MessageQueue(q.topic(), q.brokerName(),
                                q.queueId())).toList();
                List<String> ids = new ArrayList<>(clients(c));
                List<String> sortedIds = ids.stream().sorted().toList();
                for (String client : ids) {
                    List<String> expected = official.allocate("g", client, new ArrayList<>(theirs),
                            new ArrayList<>(sortedIds)).stream()
                            .map(q -> q.getBrokerName() + "/" + q.getQueueId()).toList();
                    List<String> actual = AverageAllocation.allocate(queues, ids, client).stream()
                            .map(q -> q.brokerName() + "/" + q.queueId()).toList();
                    assertThat(actual).as("n=%d c=%d client=%s", n, c, client).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void aClientNotInTheListGetsNothing() {
        assertThat(AverageAllocation.allocate(queues(4), clients(2), "stranger")).isEmpty();
    }
}
