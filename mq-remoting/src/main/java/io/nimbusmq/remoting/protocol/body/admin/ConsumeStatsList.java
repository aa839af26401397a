package io.nimbusmq.remoting.protocol.body.admin;

import java.util.List;
import java.util.Map;

/**
 * GET_BROKER_CONSUME_STATS body (317, {@code mqadmin brokerConsumeStats}), RocketMQ's {@code ConsumeStatsList}: for
 * every consumer group of the broker, one {@link ConsumeStats} per topic it has offsets on.
 *
 * <pre>
 * {"brokerAddr":"127.0.0.1:10911","consumeStatsList":[{"cg":[{"consumeTps":2.0,"offsetTable":{…}}]},{"cg2":[]}],
 *  "totalDiff":0,"totalInflightDiff":0}
 * </pre>
 */
public record ConsumeStatsList(List<Map<String, List<ConsumeStats>>> consumeStatsList, String brokerAddr,
        long totalDiff, long totalInflightDiff) {
}
