package io.nimbusmq.remoting.protocol.header;

import io.nimbusmq.remoting.protocol.CommandHeader;
import io.nimbusmq.remoting.protocol.RemotingCommand;

/**
 * The header of AUTH_LIST_ACL (3010), RocketMQ's {@code ListAclsRequestHeader}.
 *
 * @param subjectFilter  only subjects ({@code User:<name>}) that contain it; {@code null} or blank for all
 * @param resourceFilter only policy entries whose resource ({@code Topic:orders}) contains it; {@code null} or blank
 *                       for all
 */
public record ListAclsRequestHeader(String subjectFilter, String resourceFilter) implements CommandHeader {

    private static final String SUBJECT_FILTER = "subjectFilter";
    private static final String RESOURCE_FILTER = "resourceFilter";

    public static ListAclsRequestHeader readFrom(RemotingCommand request) {
        return new ListAclsRequestHeader(request.optionalString(SUBJECT_FILTER),
                request.optionalString(RESOURCE_FILTER));
    }

    @Override
    public void writeTo(RemotingCommand command) {
        command.putExtField(SUBJECT_FILTER, subjectFilter)
                .putExtField(RESOURCE_FILTER, resourceFilter);
    }
}
