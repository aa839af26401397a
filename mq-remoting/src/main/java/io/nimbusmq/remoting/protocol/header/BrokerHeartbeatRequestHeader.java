package io.nimbusmq.remoting.protocol.header;

import io.nimbusmq.remoting.protocol.CommandHeader;
import io.nimbusmq.remoting.protocol.RemotingCommand;

/**
 * The header of BROKER_HEARTBEAT (904), broker to name server in acting-master or controller mode: a sign of life;
 * remoting-protocol.md §2.1. RocketMQ's {@code BrokerHeartbeatRequestHeader}, of which the controller fields (epoch,
 * offsets, election priority) are not modelled and are ignored.
 *
 * <pre>
 * | field       | wire name   | required |
 * |-------------|-------------|----------|
 * | clusterName | clusterName | yes      |
 * | brokerAddr  | brokerAddr  | yes      |
 * | brokerName  | brokerName  | yes      |
 * | brokerId    | brokerId    | no       |
 * </pre>
 *
 * @param brokerId {@code null} when absent
 */
public record BrokerHeartbeatRequestHeader(String clusterName, String brokerAddr, String brokerName, Long brokerId)
        implements CommandHeader {

    public static BrokerHeartbeatRequestHeader readFrom(RemotingCommand request) {
        return new BrokerHeartbeatRequestHeader(request.requiredString("clusterName"),
                request.requiredString("brokerAddr"), request.requiredString("brokerName"),
                HeaderFields.longValue(request, "brokerId"));
    }

    @Override
    public void writeTo(RemotingCommand request) {
        request.putExtField("clusterName", clusterName)
                .putExtField("brokerAddr", brokerAddr)
                .putExtField("brokerName", brokerName)
                .putExtField("brokerId", brokerId);
    }
}
