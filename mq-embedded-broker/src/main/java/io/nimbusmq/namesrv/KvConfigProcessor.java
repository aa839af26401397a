package io.nimbusmq.namesrv;

import io.nimbusmq.remoting.dispatch.RequestContext;
import io.nimbusmq.remoting.dispatch.RequestProcessor;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.ResponseCode;
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
        String namespace = request.requiredString("namespace");
        String key = request.requiredString("key");
        switch (request.code()) {
            case PUT_KV_CONFIG -> kvConfigs.put(namespace, key, request.requiredString("value"));
            case RequestCode.GET_KV_CONFIG -> {
                Optional<String> value = kvConfigs.get(namespace, key);
                if (value.isEmpty()) {
                    return RemotingCommand.createResponse(request, ResponseCode.QUERY_NOT_FOUND,
                            "No config item, Namespace: " + namespace + " Key: " + key);
                }
                return RemotingCommand.createResponse(request, ResponseCode.SUCCESS, null)
                        .putExtField("value", value.get());
            }
            case DELETE_KV_CONFIG -> kvConfigs.delete(namespace, key);
            default -> {
                return RemotingCommand.createResponse(request, ResponseCode.REQUEST_CODE_NOT_SUPPORTED,
                        " request type " + request.code() + " not supported");
            }
        }
        return RemotingCommand.createResponse(request, ResponseCode.SUCCESS, null);
    }
}
