package io.nimbusmq.remoting.protocol.header;

import io.nimbusmq.remoting.protocol.CommandHeader;
import io.nimbusmq.remoting.protocol.RemotingCommand;

/**
 * The header of AUTH_LIST_USER (3005), RocketMQ's {@code ListUsersRequestHeader}.
 *
 * @param filter only users whose name contains it; {@code null} or blank for all
 */
public record ListUsersRequestHeader(String filter) implements CommandHeader {

    private static final String FILTER = "filter";

    public static ListUsersRequestHeader readFrom(RemotingCommand request) {
        return new ListUsersRequestHeader(request.optionalString(FILTER));
    }

    @Override
    public void writeTo(RemotingCommand command) {
        command.putExtField(FILTER, filter);
    }
}
