package io.nimbusmq.remoting.protocol.header;

import io.nimbusmq.remoting.protocol.CommandHeader;
import io.nimbusmq.remoting.protocol.RemotingCommand;

/**
 * The header of VIEW_BROKER_STATS_DATA (315), admin to broker: one statistic ({@code TOPIC_PUT_NUMS},
 * {@code GROUP_GET_NUMS}, ...) of one key (a topic, {@code topic@group}, the cluster name). RocketMQ's
 * {@code ViewBrokerStatsDataRequestHeader}.
 *
 * <pre>
 * | field     | wire name | required |
 * |-----------|-----------|----------|
 * | statsName | statsName | yes      |
 * | statsKey  | statsKey  | yes      |
 * </pre>
 */
public record ViewBrokerStatsDataRequestHeader(String statsName, String statsKey) implements CommandHeader {

    public static ViewBrokerStatsDataRequestHeader readFrom(RemotingCommand request) {
        return new ViewBrokerStatsDataRequestHeader(request.requiredString("statsName"),
                request.requiredString("statsKey"));
    }

    @Override
    public void writeTo(RemotingCommand request) {
        request.putExtField("statsName", statsName)
                .putExtField("statsKey", statsKey);
    }
}
