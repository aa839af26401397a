package io.nimbusmq.remoting.protocol.header;

import io.nimbusmq.remoting.protocol.CommandHeader;
import io.nimbusmq.remoting.protocol.RemotingCommand;

/**
 * The header of UNREGISTER_BROKER (104) and QUERY_DATA_VERSION (322, with the broker's DataVersion as body, answered
 * with a {@link QueryDataVersionResponseHeader}), broker to name server; remoting-protocol.md §3.2, §3.4. RocketMQ's
 * {@code UnRegisterBrokerRequestHeader} and {@code QueryDataVersionRequestHeader}, which have the same fields.
 *
 * <pre>
 * | field       | wire name   | required |
 * |-------------|-------------|----------|
 * | brokerName  | brokerName  | yes      |
 * | brokerAddr  | brokerAddr  | yes      |
 * | clusterName | clusterName | yes      |
 * | brokerId    | brokerId    | yes      |
 * </pre>
 */
public record BrokerIdentityRequestHeader(String brokerName, String brokerAddr, String clusterName, long brokerId)
        implements CommandHeader {

    public static BrokerIdentityRequestHeader readFrom(RemotingCommand request) {
        return new BrokerIdentityRequestHeader(request.requiredString("brokerName"),
                request.requiredString("brokerAddr"), request.requiredString("clusterName"),
                request.requiredLong("brokerId"));
    }

    @Override
    public void writeTo(RemotingCommand request) {
        request.putExtField("brokerName", brokerName)
                .putExtField("brokerAddr", brokerAddr)
                .putExtField("clusterName", clusterName)
                .putExtField("brokerId", brokerId);
    }
}
