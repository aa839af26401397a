package io.nimbusmq.remoting.protocol.header;

import io.nimbusmq.remoting.protocol.CommandHeader;
import io.nimbusmq.remoting.protocol.RemotingCommand;

/**
 * The response header of HEART_BEAT (34); remoting-protocol.md §4.4. RocketMQ has no header class for it: its broker
 * adds the two fields loose ({@code MixAll.IS_SUPPORT_HEART_BEAT_V2}, {@code MixAll.IS_SUB_CHANGE}), and a client with
 * heartbeat v2 reads them.
 *
 * <pre>
 * | field              | wire name                | required | notes                                          |
 * |--------------------|--------------------------|----------|------------------------------------------------|
 * | supportHeartbeatV2 | IS_SUPPORT_HEART_BEAT_V2 | no       | the broker understands heartbeat v2 bodies     |
 * | subscriptionChange | IS_SUB_CHANGE            | no       | the client must send its subscriptions again   |
 * </pre>
 * Both are false when absent.
 */
public record HeartbeatResponseHeader(boolean supportHeartbeatV2, boolean subscriptionChange)
        implements CommandHeader {

    static final String IS_SUPPORT_HEART_BEAT_V2 = "IS_SUPPORT_HEART_BEAT_V2";
    static final String IS_SUB_CHANGE = "IS_SUB_CHANGE";

    public static HeartbeatResponseHeader readFrom(RemotingCommand response) {
        return new HeartbeatResponseHeader(response.optionalBoolean(IS_SUPPORT_HEART_BEAT_V2, false),
                response.optionalBoolean(IS_SUB_CHANGE, false));
    }

    @Override
    public void writeTo(RemotingCommand response) {
        response.putExtField(IS_SUPPORT_HEART_BEAT_V2, supportHeartbeatV2)
                .putExtField(IS_SUB_CHANGE, subscriptionChange);
    }
}
