package io.nimbusmq.remoting.protocol.header;

import io.nimbusmq.remoting.protocol.CommandHeader;
import io.nimbusmq.remoting.protocol.RemotingCommand;

/**
 * The header of REGISTER_BROKER (103), broker to name server, every 30 s and after a topic change;
 * remoting-protocol.md §3.1. RocketMQ's {@code RegisterBrokerRequestHeader}; the body is a RegisterBrokerBody,
 * answered with a {@link RegisterBrokerResponseHeader}.
 *
 * <pre>
 * | field                  | wire name              | required | notes                                         |
 * |------------------------|------------------------|----------|-----------------------------------------------|
 * | brokerName             | brokerName             | yes      |                                               |
 * | brokerAddr             | brokerAddr             | yes      | ip:port                                       |
 * | clusterName            | clusterName            | yes      |                                               |
 * | haServerAddr           | haServerAddr           | yes      |                                               |
 * | brokerId               | brokerId               | yes      | 0 = master                                    |
 * | heartbeatTimeoutMillis | heartbeatTimeoutMillis | no       | the name server's default (120 s) when absent |
 * | enableActingMaster     | enableActingMaster     | no       | false when absent                             |
 * | compressed             | compressed             | no       | a zlib body; false when absent                |
 * | bodyCrc32              | bodyCrc32              | no       | 0 (unchecked) when absent                     |
 * </pre>
 *
 * @param heartbeatTimeoutMillis {@code null} when absent
 * @param bodyCrc32 {@code CRC32(body) & 0x7FFFFFFF}, or 0 for no check
 */
public record RegisterBrokerRequestHeader(String brokerName, String brokerAddr, String clusterName,
        String haServerAddr, long brokerId, Long heartbeatTimeoutMillis, boolean enableActingMaster,
        boolean compressed, int bodyCrc32) implements CommandHeader {

    public static RegisterBrokerRequestHeader readFrom(RemotingCommand request) {
        return new RegisterBrokerRequestHeader(request.requiredString("brokerName"),
                request.requiredString("brokerAddr"), request.requiredString("clusterName"),
                request.requiredString("haServerAddr"), request.requiredLong("brokerId"),
                HeaderFields.longValue(request, "heartbeatTimeoutMillis"),
                request.optionalBoolean("enableActingMaster", false), request.optionalBoolean("compressed", false),
                request.optionalInt("bodyCrc32", 0));
    }

    @Override
    public void writeTo(RemotingCommand request) {
        request.putExtField("brokerName", brokerName)
                .putExtField("brokerAddr", brokerAddr)
                .putExtField("clusterName", clusterName)
                .putExtField("haServerAddr", haServerAddr)
                .putExtField("brokerId", brokerId)
                .putExtField("heartbeatTimeoutMillis", heartbeatTimeoutMillis)
                .putExtField("enableActingMaster", enableActingMaster)
                .putExtField("compressed", compressed)
                .putExtField("bodyCrc32", bodyCrc32);
    }
}
