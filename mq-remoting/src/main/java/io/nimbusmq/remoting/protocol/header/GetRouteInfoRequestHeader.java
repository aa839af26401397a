package io.nimbusmq.remoting.protocol.header;

import io.nimbusmq.remoting.protocol.CommandHeader;
import io.nimbusmq.remoting.protocol.RemotingCommand;

/**
 * The header of GET_ROUTEINFO_BY_TOPIC (105), client to name server; remoting-protocol.md §3.3. RocketMQ's
 * {@code GetRouteInfoRequestHeader}.
 *
 * <pre>
 * | field                  | wire name              | required | notes                                          |
 * |------------------------|------------------------|----------|------------------------------------------------|
 * | topic                  | topic                  | yes      |                                                |
 * | acceptStandardJsonOnly | acceptStandardJsonOnly | no       | answer standard JSON whatever the version says |
 * </pre>
 *
 * @param acceptStandardJsonOnly {@code null} when absent (false)
 */
public record GetRouteInfoRequestHeader(String topic, Boolean acceptStandardJsonOnly) implements CommandHeader {

    public static GetRouteInfoRequestHeader readFrom(RemotingCommand request) {
        return new GetRouteInfoRequestHeader(request.requiredString("topic"),
                HeaderFields.bool(request, "acceptStandardJsonOnly"));
    }

    /** Whether the client asked for standard JSON in any case. */
    public boolean standardJsonOnly() {
        return Boolean.TRUE.equals(acceptStandardJsonOnly);
    }

    @Override
    public void writeTo(RemotingCommand request) {
        request.putExtField("topic", topic)
                .putExtField("acceptStandardJsonOnly", acceptStandardJsonOnly);
    }
}
