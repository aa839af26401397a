package io.nimbusmq.client.internal.rebalance;

import java.util.ArrayList;
import java.util.List;

import io.nimbusmq.remoting.protocol.body.client.MessageQueue;

/**
 * The official client's default strategy, AllocateMessageQueueAveragely (remoting-protocol.md §8.2), so that our
 * consumers and official ones in one group compute the same split: queues sorted by (topic, broker, queue id), client
 * ids sorted as strings; client i of C takes a contiguous range of about N/C queues, the first N mod C clients one
 * more.
 */
public final class AverageAllocation {

    private AverageAllocation() {
    }

    /** The queues {@code clientId} takes; empty when it is not among {@code clientIds}. */
    public static List<MessageQueue> allocate(List<MessageQueue> queues, List<String> clientIds, String clientId) {
        List<MessageQueue> sortedQueues = new ArrayList<>(queues);
        sortedQueues.sort(null);
        List<String> sortedIds = new ArrayList<>(clientIds);
        sortedIds.sort(null);
        int index = sortedIds.indexOf(clientId);
        if (index < 0 || sortedQueues.isEmpty()) {
            return List.of();
        }
        int n = sortedQueues.size();
        int c = sortedIds.size();
        int mod = n % c;
        int size = n <= c ? 1 : (mod > 0 && index < mod ? n / c + 1 : n / c);
        int start = mod > 0 && index < mod ? index * size : index * size + mod;
        int range = Math.min(size, n - start);
        List<MessageQueue> result = new ArrayList<>();
        for (int i = 0; i < range; i++) {
            result.add(sortedQueues.get((start + i) % n));
        }
        return result;
    }
}
