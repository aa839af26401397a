package io.nimbusmq.namesrv;

import io.nimbusmq.remoting.dispatch.RequestContext;
import io.nimbusmq.remoting.dispatch.RequestProcessor;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RemotingVersion;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.ResponseCode;
import io.nimbusmq.remoting.protocol.body.RemotingJson;
import io.nimbusmq.remoting.protocol.body.TopicRouteData;
import io.nimbusmq.remoting.protocol.header.GetRouteInfoRequestHeader;
import java.util.Optional;

/**
 * GET_ROUTEINFO_BY_TOPIC (105), the call every client makes for every topic it uses (remoting-protocol.md §3.3).
 * Header {@code topic*}, {@code acceptStandardJsonOnly}. Answers SUCCESS with a {@link TopicRouteData} body, or
 * TOPIC_NOT_EXIST (17) with remark {@code No topic route info in name server for the topic: <topic>}, which sends
 * producers to the TBW102 fallback.
 *
 * <p>The body is standard JSON ({@code "0"} keys, non-ASCII escaped) when the request's version is V4_9_4 or later
 * or it sets {@code acceptStandardJsonOnly}; older clients get fastjson's default with unquoted numeric keys.
 */
public final class RouteQueryProcessor implements RequestProcessor {

    /** Remark prefix of TOPIC_NOT_EXIST answers. */
    public static final String NO_ROUTE_REMARK = "No topic route info in name server for the topic: ";

    private final RouteInfoManager routes;

    public RouteQueryProcessor(RouteInfoManager routes) {
        this.routes = routes;
    }

    /** The request codes this processor serves. */
    public static int[] requestCodes() {
        return new int[] {RequestCode.GET_ROUTEINFO_BY_TOPIC};
    }

    @Override
    public RemotingCommand processRequest(RequestContext context, RemotingCommand request) {
        GetRouteInfoRequestHeader header = GetRouteInfoRequestHeader.readFrom(request);
        String topic = header.topic();
        Optional<TopicRouteData> route = routes.topicRoute(topic);
        if (route.isEmpty()) {
            return RemotingCommand.createResponse(request, ResponseCode.TOPIC_NOT_EXIST, NO_ROUTE_REMARK + topic);
        }
        boolean standardJson = request.version() >= RemotingVersion.V4_9_4
                || header.standardJsonOnly();
        byte[] body = standardJson ? RemotingJson.encodeBrowserCompatible(route.get())
                : RemotingJson.encodeWithUnquotedNumericKeys(route.get());
        return RemotingCommand.createResponse(request, ResponseCode.SUCCESS, null).setBody(body);
    }
}
