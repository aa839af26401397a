package io.nimbusmq.remoting.protocol.header;

import io.nimbusmq.remoting.protocol.CommandHeader;
import io.nimbusmq.remoting.protocol.RemotingCommand;

/**
 * The header of DELETE_SUBSCRIPTIONGROUP (207), admin to broker ({@code mqadmin deleteSubGroup}). RocketMQ's
 * {@code DeleteSubscriptionGroupRequestHeader}.
 *
 * <pre>
 * | field       | wire name   | required | notes                                      |
 * |-------------|-------------|----------|--------------------------------------------|
 * | groupName   | groupName   | yes      |                                            |
 * | cleanOffset | cleanOffset | no       | also drop the group's offsets (false)      |
 * </pre>
 */
public record DeleteSubscriptionGroupRequestHeader(String groupName, boolean cleanOffset) implements CommandHeader {

    public static DeleteSubscriptionGroupRequestHeader readFrom(RemotingCommand request) {
        return new DeleteSubscriptionGroupRequestHeader(request.requiredString("groupName"),
                request.optionalBoolean("cleanOffset", false));
    }

    @Override
    public void writeTo(RemotingCommand request) {
        request.putExtField("groupName", groupName)
                .putExtField("cleanOffset", cleanOffset);
    }
}
