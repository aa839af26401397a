package io.nimbusmq.namesrv;

import io.nimbusmq.remoting.dispatch.RequestContext;
import io.nimbusmq.remoting.dispatch.RequestProcessor;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.ResponseCode;
import io.nimbusmq.remoting.protocol.body.DataVersion;
import io.nimbusmq.remoting.protocol.body.KvTable;
import io.nimbusmq.remoting.protocol.body.RegisterBrokerBody;
import io.nimbusmq.remoting.protocol.body.RemotingJson;
import io.nimbusmq.remoting.protocol.header.BrokerHeartbeatRequestHeader;
import io.nimbusmq.remoting.protocol.header.BrokerIdentityRequestHeader;
import io.nimbusmq.remoting.protocol.header.QueryDataVersionResponseHeader;
import io.nimbusmq.remoting.protocol.header.RegisterBrokerRequestHeader;
import io.nimbusmq.remoting.protocol.header.RegisterBrokerResponseHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brokers talking to the name server about themselves (remoting-protocol.md §3.1, §3.2, §3.4):
 * <ul>
 *   <li>REGISTER_BROKER (103): header {@code brokerName* brokerAddr* clusterName* haServerAddr* brokerId*
 *       heartbeatTimeoutMillis enableActingMaster compressed bodyCrc32}, body {@link RegisterBrokerBody}. A non-zero
 *       {@code bodyCrc32} that is not {@code CRC32(body) & 0x7FFFFFFF} gets SYSTEM_ERROR "crc32 not match". The
 *       response carries ext {@code haServerAddr} and {@code masterAddr} (for slaves) and, when the
 *       {@value KvConfigTable#ORDER_TOPIC_CONFIG} namespace has entries, a {@link KvTable} body;</li>
 *   <li>UNREGISTER_BROKER (104): header {@code brokerName* brokerAddr* clusterName* brokerId*};</li>
 *   <li>QUERY_DATA_VERSION (322): same header, body {@link DataVersion}; answers ext {@code changed} and our
 *       version as body, and counts as a sign of life;</li>
 *   <li>BROKER_HEARTBEAT (904): header {@code clusterName* brokerAddr* brokerName*}; a sign of life.</li>
 * </ul>
 */
public final class BrokerRegistrationProcessor implements RequestProcessor {

    private static final Logger log = LoggerFactory.getLogger(BrokerRegistrationProcessor.class);

    private final RouteInfoManager routes;
    private final KvConfigTable kvConfigs;

    public BrokerRegistrationProcessor(RouteInfoManager routes, KvConfigTable kvConfigs) {
        this.routes = routes;
        this.kvConfigs = kvConfigs;
    }

    /** The request codes this processor serves. */
    public static int[] requestCodes() {
        return new int[] {RequestCode.REGISTER_BROKER, RequestCode.UNREGISTER_BROKER, RequestCode.QUERY_DATA_VERSION,
                RequestCode.BROKER_HEARTBEAT};
    }

    @Override
    public RemotingCommand processRequest(RequestContext context, RemotingCommand request) {
        return switch (request.code()) {
            case RequestCode.REGISTER_BROKER -> registerBroker(context, request);
            case RequestCode.UNREGISTER_BROKER -> unregisterBroker(request);
            case RequestCode.QUERY_DATA_VERSION -> queryDataVersion(request);
            case RequestCode.BROKER_HEARTBEAT -> brokerHeartbeat(request);
            default -> RemotingCommand.createResponse(request, ResponseCode.REQUEST_CODE_NOT_SUPPORTED,
                    " request type " + request.code() + " not supported");
        };
    }

    private RemotingCommand registerBroker(RequestContext context, RemotingCommand request) {
        RegisterBrokerRequestHeader header = RegisterBrokerRequestHeader.readFrom(request);
        BrokerRegistration registration = new BrokerRegistration(
                new BrokerAddress(header.clusterName(), header.brokerAddr()), header.brokerName(), header.brokerId(),
                header.haServerAddr(), header.heartbeatTimeoutMillis() == null
                        ? RouteInfoManager.DEFAULT_HEARTBEAT_TIMEOUT_MILLIS : header.heartbeatTimeoutMillis(),
                header.enableActingMaster());
        int expectedCrc32 = header.bodyCrc32();
        if (expectedCrc32 != 0 && expectedCrc32 != RegisterBrokerBody.bodyCrc32(request.body())) {
            log.warn("REGISTER_BROKER from {}: crc32 not match", context.remoteAddress());
            return RemotingCommand.createResponse(request, ResponseCode.SYSTEM_ERROR, "crc32 not match");
        }
        RegisterBrokerBody body = RegisterBrokerBody.decode(request.body(), header.compressed(), request.version());
        RegisterBrokerResult result = routes.registerBroker(registration, body, context.channel());
        RemotingCommand response = RemotingCommand.createResponse(request, ResponseCode.SUCCESS, null)
                .writeHeader(new RegisterBrokerResponseHeader(result.haServerAddr(), result.masterAddr()));
        kvConfigs.namespace(KvConfigTable.ORDER_TOPIC_CONFIG)
                .ifPresent(table -> response.setBody(RemotingJson.encode(new KvTable(table))));
        return response;
    }

    private RemotingCommand unregisterBroker(RemotingCommand request) {
        BrokerIdentityRequestHeader header = BrokerIdentityRequestHeader.readFrom(request);
        BrokerAddress address = brokerAddress(header);
        boolean removed = routes.unregisterBroker(address, header.brokerName());
        log.info("Broker {} {} unregistered (was registered: {})", address, header.brokerName(), removed);
        return RemotingCommand.createResponse(request, ResponseCode.SUCCESS, null);
    }

    private RemotingCommand queryDataVersion(RemotingCommand request) {
        BrokerAddress address = brokerAddress(BrokerIdentityRequestHeader.readFrom(request));
        DataVersion brokerVersion = RemotingJson.decode(request.body(), DataVersion.class);
        boolean changed = routes.isDataVersionChanged(address, brokerVersion);
        routes.touchBroker(address);
        RemotingCommand response = RemotingCommand.createResponse(request, ResponseCode.SUCCESS, null)
                .writeHeader(new QueryDataVersionResponseHeader(changed));
        routes.brokerDataVersion(address).ifPresent(ours -> response.setBody(RemotingJson.encode(ours)));
        return response;
    }

    private RemotingCommand brokerHeartbeat(RemotingCommand request) {
        BrokerHeartbeatRequestHeader header = BrokerHeartbeatRequestHeader.readFrom(request);
        routes.touchBroker(new BrokerAddress(header.clusterName(), header.brokerAddr()));
        return RemotingCommand.createResponse(request, ResponseCode.SUCCESS, null);
    }

    private static BrokerAddress brokerAddress(BrokerIdentityRequestHeader header) {
        return new BrokerAddress(header.clusterName(), header.brokerAddr());
    }
}
