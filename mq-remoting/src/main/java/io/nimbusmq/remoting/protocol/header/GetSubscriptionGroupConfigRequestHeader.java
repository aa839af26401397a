package io.nimbusmq.remoting.protocol.header;

import io.nimbusmq.remoting.protocol.CommandHeader;
import io.nimbusmq.remoting.protocol.RemotingCommand;

/**
 * The header of GET_SUBSCRIPTIONGROUP_CONFIG (352), admin to broker: one group's configuration. RocketMQ's
 * {@code GetSubscriptionGroupConfigRequestHeader}.
 *
 * <pre>
 * | field | wire name | required |
 * |-------|-----------|----------|
 * | group | group     | yes      |
 * </pre>
 */
public record GetSubscriptionGroupConfigRequestHeader(String group) implements CommandHeader {

    public static GetSubscriptionGroupConfigRequestHeader readFrom(RemotingCommand request) {
        return new GetSubscriptionGroupConfigRequestHeader(request.requiredString("group"));
    }

    @Override
    public void writeTo(RemotingCommand request) {
        request.putExtField("group", group);
    }
}
