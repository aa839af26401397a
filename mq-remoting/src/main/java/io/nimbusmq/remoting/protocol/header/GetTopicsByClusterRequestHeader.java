package io.nimbusmq.remoting.protocol.header;

import io.nimbusmq.remoting.protocol.CommandHeader;
import io.nimbusmq.remoting.protocol.RemotingCommand;

/**
 * The header of GET_TOPICS_BY_CLUSTER (224), admin to name server; remoting-protocol.md §3.4. RocketMQ's
 * {@code GetTopicsByClusterRequestHeader}.
 *
 * <pre>
 * | field   | wire name | required |
 * |---------|-----------|----------|
 * | cluster | cluster   | yes      |
 * </pre>
 */
public record GetTopicsByClusterRequestHeader(String cluster) implements CommandHeader {

    public static GetTopicsByClusterRequestHeader readFrom(RemotingCommand request) {
        return new GetTopicsByClusterRequestHeader(request.requiredString("cluster"));
    }

    @Override
    public void writeTo(RemotingCommand request) {
        request.putExtField("cluster", cluster);
    }
}
