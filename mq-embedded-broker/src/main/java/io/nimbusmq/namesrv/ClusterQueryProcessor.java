package io.nimbusmq.namesrv;

import java.util.function.Supplier;

import io.nimbusmq.remoting.dispatch.RequestContext;
import io.nimbusmq.remoting.dispatch.RequestProcessor;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.ResponseCode;
import io.nimbusmq.remoting.protocol.body.RemotingJson;
import io.nimbusmq.remoting.protocol.header.DeleteTopicFromNamesrvRequestHeader;
import io.nimbusmq.remoting.protocol.header.GetTopicsByClusterRequestHeader;

/**
 * Admin questions about the whole cluster (remoting-protocol.md §3.4), as mqadmin asks them:
 * <ul>
 *   <li>GET_BROKER_CLUSTER_INFO (106): no header; body {@link io.nimbusmq.remoting.protocol.body.ClusterInfo},
 *       always with unquoted numeric keys as fastjson writes it;</li>
 *   <li>GET_ALL_TOPIC_LIST_FROM_NAMESERVER (206): body {@code {"topicList":[…]}}, or SYSTEM_ERROR "disable";</li>
 *   <li>GET_TOPICS_BY_CLUSTER (224): header {@code cluster*}; same body, or SYSTEM_ERROR "disable";</li>
 *   <li>DELETE_TOPIC_IN_NAMESRV (216): header {@code topic*}, {@code clusterName} to delete from one cluster
 *       only;</li>
 *   <li>GET_SYSTEM_TOPIC_LIST_FROM_NS (304): cluster and broker names, and one broker's address
 *       ({@link RouteInfoManager#systemTopics()}).</li>
 * </ul>
 * The topic lists follow the name server's settings as they are now (they may change at runtime).
 */
public final class ClusterQueryProcessor implements RequestProcessor {

    private final RouteInfoManager routes;
    private final Supplier<NameServerConfig> config;

    public ClusterQueryProcessor(RouteInfoManager routes, Supplier<NameServerConfig> config) {
        this.routes = routes;
        this.config = config;
    }

    /** The request codes this processor serves. */
    public static int[] requestCodes() {
        return new int[] {RequestCode.GET_BROKER_CLUSTER_INFO, RequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER,
                RequestCode.GET_TOPICS_BY_CLUSTER, RequestCode.DELETE_TOPIC_IN_NAMESRV,
                RequestCode.GET_SYSTEM_TOPIC_LIST_FROM_NS};
    }

    @Override
    public RemotingCommand processRequest(RequestContext context, RemotingCommand request) {
        return switch (request.code()) {
            case RequestCode.GET_BROKER_CLUSTER_INFO ->
                    success(request, RemotingJson.encodeWithUnquotedNumericKeys(routes.clusterInfo()));
            case RequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER -> config.get().enableAllTopicList()
                    ? success(request, RemotingJson.encode(routes.allTopics())) : disabled(request);
            case RequestCode.GET_TOPICS_BY_CLUSTER -> config.get().enableTopicList()
                    ? success(request, RemotingJson.encode(routes.topicsByCluster(
                            GetTopicsByClusterRequestHeader.readFrom(request).cluster())))
                    : disabled(request);
            case RequestCode.DELETE_TOPIC_IN_NAMESRV -> deleteTopic(request);
            case RequestCode.GET_SYSTEM_TOPIC_LIST_FROM_NS -> success(request,
                    RemotingJson.encode(routes.systemTopics()));
            default -> RemotingCommand.createResponse(request, ResponseCode.REQUEST_CODE_NOT_SUPPORTED,
                    " request type " + request.code() + " not supported");
        };
    }

    private RemotingCommand deleteTopic(RemotingCommand request) {
        DeleteTopicFromNamesrvRequestHeader header = DeleteTopicFromNamesrvRequestHeader.readFrom(request);
        if (header.clusterName() == null || header.clusterName().isEmpty()) {
            routes.deleteTopic(header.topic());
        } else {
            routes.deleteTopic(header.topic(), header.clusterName());
        }
        return RemotingCommand.createResponse(request, ResponseCode.SUCCESS, null);
    }

    private static RemotingCommand success(RemotingCommand request, byte[] body) {
        return RemotingCommand.createResponse(request, ResponseCode.SUCCESS, null).setBody(body);
    }

    private static RemotingCommand disabled(RemotingCommand request) {
        return RemotingCommand.createResponse(request, ResponseCode.SYSTEM_ERROR, "disable");
    }
}
