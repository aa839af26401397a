package io.nimbusmq.remoting.protocol.header;

import io.nimbusmq.remoting.protocol.CommandHeader;
import io.nimbusmq.remoting.protocol.RemotingCommand;

/**
 * The header of the ACL 2.0 requests about one subject's policies: AUTH_CREATE_ACL (3006) and AUTH_UPDATE_ACL (3007),
 * whose body is an {@link io.nimbusmq.remoting.protocol.body.auth.AclInfo}, and AUTH_GET_ACL (3009), without body
 * (RocketMQ's {@code CreateAclRequestHeader}, {@code UpdateAclRequestHeader}, {@code GetAclRequestHeader}: one field
 * each, the same).
 *
 * @param subject {@code User:<name>}; {@code null} when absent (a create or update then takes the body's subject)
 */
public record AclRequestHeader(String subject) implements CommandHeader {

    private static final String SUBJECT = "subject";

    public static AclRequestHeader readFrom(RemotingCommand request) {
        return new AclRequestHeader(request.optionalString(SUBJECT));
    }

    @Override
    public void writeTo(RemotingCommand command) {
        command.putExtField(SUBJECT, subject);
    }
}
