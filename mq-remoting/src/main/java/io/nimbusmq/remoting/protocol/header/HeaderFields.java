package io.nimbusmq.remoting.protocol.header;

import io.nimbusmq.remoting.protocol.RemotingCommand;

/**
 * What the headers of this package share: the {@code bname} key of RocketMQ's {@code RpcRequestHeader}, and reads of
 * optional fields that have no default in RocketMQ (a boxed {@code Integer}, {@code Long} or {@code Boolean}, left
 * {@code null} when absent).
 */
final class HeaderFields {

    /** RocketMQ's {@code RpcRequestHeader.bname}: the broker the client addressed, sent on most broker requests. */
    static final String BROKER_NAME = "bname";

    private HeaderFields() {
    }

    /** @throws io.nimbusmq.remoting.protocol.InvalidHeaderFieldException when present but not a decimal int */
    static Integer integer(RemotingCommand command, String name) {
        return command.optionalString(name) == null ? null : command.requiredInt(name);
    }

    /** @throws io.nimbusmq.remoting.protocol.InvalidHeaderFieldException when present but not a decimal long */
    static Long longValue(RemotingCommand command, String name) {
        return command.optionalString(name) == null ? null : command.requiredLong(name);
    }

    static Boolean bool(RemotingCommand command, String name) {
        String value = command.optionalString(name);
        return value == null ? null : Boolean.parseBoolean(value);
    }
}
