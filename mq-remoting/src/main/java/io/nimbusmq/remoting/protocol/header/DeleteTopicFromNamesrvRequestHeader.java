package io.nimbusmq.remoting.protocol.header;

import io.nimbusmq.remoting.protocol.CommandHeader;
import io.nimbusmq.remoting.protocol.RemotingCommand;

/**
 * The header of DELETE_TOPIC_IN_NAMESRV (216), admin to name server; remoting-protocol.md §3.4. RocketMQ's
 * {@code DeleteTopicFromNamesrvRequestHeader}.
 *
 * <pre>
 * | field       | wire name   | required | notes                                        |
 * |-------------|-------------|----------|----------------------------------------------|
 * | topic       | topic       | yes      |                                              |
 * | clusterName | clusterName | no       | delete from this cluster only; all if absent |
 * </pre>
 *
 * @param clusterName {@code null} when absent
 */
public record DeleteTopicFromNamesrvRequestHeader(String topic, String clusterName) implements CommandHeader {

    public static DeleteTopicFromNamesrvRequestHeader readFrom(RemotingCommand request) {
        return new DeleteTopicFromNamesrvRequestHeader(request.requiredString("topic"),
                request.optionalString("clusterName"));
    }

    @Override
    public void writeTo(RemotingCommand request) {
        request.putExtField("topic", topic)
                .putExtField("clusterName", clusterName);
    }
}
