package io.nimbusmq.benchmark.scale;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.apache.rocketmq.client.QueryResult;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;

import io.nimbusmq.benchmark.load.MessageBody;

/**
 * Lookups as an operator makes them, through the official admin API: by key ({@code queryMessage}, the broker's
 * QUERY_MESSAGE on its index) for keys drawn uniformly from every message written, and by offset message id
 * ({@code viewMessage}, VIEW_MESSAGE_BY_ID) for the messages sent alone during the fill. A lookup counts as found
 * only if the message it returns is the one asked for (the id in its body).
 */
final class Lookups {

    /** Median and p99 of the lookup times in milliseconds, and how many lookups did not find their message. */
    record Result(int lookups, double medianMillis, double p99Millis, int notFound) {
    }

    private Lookups() {
    }

    static Result byKey(DefaultMQAdminExt admin, String topic, long maxId, int lookups) {
        SplittableRandom random = new SplittableRandom(20261207L);
        double[] millis = new double[lookups];
        int notFound = 0;
        for (int i = 0; i < lookups; i++) {
            long id = 1 + random.nextLong(maxId);
            long start = System.nanoTime();
            boolean found = false;
            try {
                QueryResult result = admin.queryMessage(topic, Producers.key(id), 32, 0, Long.MAX_VALUE);
                found = result.getMessageList().stream().anyMatch(m -> MessageBody.id(m.getBody()) == id);
            } catch (Exception e) {
                found = false;
            }
            millis[i] = (System.nanoTime() - start) / 1e6;
            notFound += found ? 0 : 1;
        }
        return summarize(millis, notFound);
    }

    static Result byId(DefaultMQAdminExt admin, String topic, Map<Long, String> offsetMsgIds) {
        List<Map.Entry<Long, String>> sample = new ArrayList<>(offsetMsgIds.entrySet());
        double[] millis = new double[sample.size()];
        int notFound = 0;
        for (int i = 0; i < sample.size(); i++) {
            long start = System.nanoTime();
            boolean found;
            try {
                MessageExt message = admin.viewMessage(topic, sample.get(i).getValue());
                found = message != null && MessageBody.id(message.getBody()) == sample.get(i).getKey();
            } catch (Exception e) {
                found = false;
            }
            millis[i] = (System.nanoTime() - start) / 1e6;
            notFound += found ? 0 : 1;
        }
        return summarize(millis, notFound);
    }

    static Result summarize(double[] millis, int notFound) {
        if (millis.length == 0) {
            return new Result(0, Double.NaN, Double.NaN, notFound);
        }
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        return new Result(sorted.length, percentile(sorted, 50), percentile(sorted, 99), notFound);
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
