package io.nimbusmq.remoting.protocol.header;

import io.nimbusmq.remoting.protocol.CommandHeader;
import io.nimbusmq.remoting.protocol.RemotingCommand;

/**
 * The header of the ACL 2.0 requests about one user: AUTH_CREATE_USER (3001) and AUTH_UPDATE_USER (3002), whose body
 * is a {@link io.nimbusmq.remoting.protocol.body.auth.UserInfo}, AUTH_DELETE_USER (3003) and AUTH_GET_USER (3004),
 * without body (RocketMQ's {@code CreateUserRequestHeader}, {@code UpdateUserRequestHeader},
 * {@code DeleteUserRequestHeader}, {@code GetUserRequestHeader}: one field each, the same).
 *
 * <pre>
 * | field    | required                                   |
 * |----------|--------------------------------------------|
 * | username | by the broker, which answers "The username is blank" |
 * </pre>
 *
 * @param username the user's name, {@code null} when absent
 */
public record UserRequestHeader(String username) implements CommandHeader {

    private static final String USERNAME = "username";

    public static UserRequestHeader readFrom(RemotingCommand request) {
        return new UserRequestHeader(request.optionalString(USERNAME));
    }

    @Override
    public void writeTo(RemotingCommand command) {
        command.putExtField(USERNAME, username);
    }
}
