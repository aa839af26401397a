package io.nimbusmq.namesrv;

import io.nimbusmq.remoting.dispatch.RequestContext;
import io.nimbusmq.remoting.dispatch.RequestProcessor;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.ResponseCode;
import io.nimbusmq.remoting.protocol.header.KvConfigRequestHeader;
import io.nimbusmq.remoting.protocol.header.KvConfigResponseHeader;
import io.nimbusmq.remoting.protocol.header.PutKvConfigRequestHeader;
import java.util.Optional;

/**
 * The name server's key-value configuration (remoting-protocol.md §3.4), kept in a {@link KvConfigTable}:
 * <ul>
 *   <li>PUT_KV_CONFIG (100): header {@code namespace* key* value*};</li>
 *   <li>GET_KV_CONFIG (101): header {@code namespace* key*}; answers ext {@code value}, or QUERY_NOT_FOUND with
 *       remark {@code No config item, Namespace: <ns> Key: <key>};</li>
 *   <li>DELETE_KV_CONFIG (102): header {@code namespace* key*}; SUCCESS whether or not the key existed.</li>
 * </ul>
 */
public final class KvConfigProcessor implements RequestProcessor {

    /** Not in {@link RequestCode}: only admin tools send it. */
    public static final int PUT_KV_CONFIG = 100;
    /** Not in {@link RequestCode}: only admin tools send it. */
    public static final int DELETE_KV_CONFIG = 102;

    private final KvConfigTable kvConfigs;

    public KvConfigProcessor(KvConfigTable kvConfigs) {
        this.kvConfigs = kvConfigs;
    }

    /** The request codes this processor serves. */
    public static int[] requestCodes() {
        return new int[] {PUT_KV_CONFIG, RequestCode.GET_KV_CONFIG, DELETE_KV_CONFIG};
    }

    @Override
    public RemotingCommand processRequest(RequestContext context, RemotingCommand request) {
        switch (request.code()) {
            case PUT_KV_CONFIG -> {
                PutKvConfigRequestHeader header = PutKvConfigRequestHeader.readFrom(request);
                kvConfigs.put(header.namespace(), header.key(), header.value());
            }
            case RequestCode.GET_KV_CONFIG -> {
                KvConfigRequestHeader header = KvConfigRequestHeader.readFrom(request);
                Optional<String> value = kvConfigs.get(header.namespace(), header.key());
                if (value.isEmpty()) {
                    return RemotingCommand.createResponse(request, ResponseCode.QUERY_NOT_FOUND,
                            "No config item, Namespace: " + header.namespace() + " Key: " + header.key());
                }
                return RemotingCommand.createResponse(request, ResponseCode.SUCCESS, null)
                        .writeHeader(new KvConfigResponseHeader(value.get()));
            }
            case DELETE_KV_CONFIG -> {
                KvConfigRequestHeader header = KvConfigRequestHeader.readFrom(request);
                kvConfigs.delete(header.namespace(), header.key());
            }
            default -> {
                return RemotingCommand.createResponse(request, ResponseCode.REQUEST_CODE_NOT_SUPPORTED,
                        " request type " + request.code() + " not supported");
            }
        }
        return RemotingCommand.createResponse(request, ResponseCode.SUCCESS, null);
    }
}
