package io.nimbusmq.remoting.protocol.header;

import io.nimbusmq.remoting.protocol.CommandHeader;
import io.nimbusmq.remoting.protocol.RemotingCommand;

/**
 * The header of AUTH_DELETE_ACL (3008), RocketMQ's {@code DeleteAclRequestHeader}; no body.
 *
 * <pre>
 * | field      | meaning                                                          |
 * |------------|------------------------------------------------------------------|
 * | subject    | {@code User:<name>}                                              |
 * | policyType | {@code Custom} (when absent) or {@code Default}                  |
 * | resource   | the entry to delete, e.g. {@code Topic:orders}; absent: every policy of the subject |
 * </pre>
 *
 * @param subject    {@code null} when absent
 * @param policyType {@code null} when absent
 * @param resource   {@code null} when absent
 */
public record DeleteAclRequestHeader(String subject, String policyType, String resource) implements CommandHeader {

    private static final String SUBJECT = "subject";
    private static final String POLICY_TYPE = "policyType";
    private static final String RESOURCE = "resource";

    public static DeleteAclRequestHeader readFrom(RemotingCommand request) {
        return new DeleteAclRequestHeader(request.optionalString(SUBJECT), request.optionalString(POLICY_TYPE),
                request.optionalString(RESOURCE));
    }

    @Override
    public void writeTo(RemotingCommand command) {
        command.putExtField(SUBJECT, subject)
                .putExtField(POLICY_TYPE, policyType)
                .putExtField(RESOURCE, resource);
    }
}
