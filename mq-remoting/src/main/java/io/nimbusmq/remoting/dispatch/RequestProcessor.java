package io.nimbusmq.remoting.dispatch;

import io.nimbusmq.remoting.protocol.RemotingCommand;

/**
 * Handles one family of request codes, e.g. all offset queries, registered in a {@link ProcessorRegistry} with the
 * executor it runs on. It never runs on a Netty I/O thread, so it may block briefly.
 *
 * <p>Errors need no handling of their own: a {@link io.nimbusmq.remoting.protocol.HeaderFieldException} (thrown by a
 * header type's {@code readFrom} for a missing or malformed field) is answered with SYSTEM_ERROR naming the field,
 * any other exception with SYSTEM_ERROR and its message. Oneway requests are never answered, whatever is returned.
 */
public interface RequestProcessor {

    /**
     * Processes {@code request}.
     *
     * @return the response, usually built with {@link RemotingCommand#createResponse}; or {@code null} to send
     *     nothing now, e.g. when the request is held for long polling and answered later through
     *     {@link RequestContext#writeResponse(RemotingCommand)}
     * @throws Exception any failure; the requester gets SYSTEM_ERROR
     */
    RemotingCommand processRequest(RequestContext context, RemotingCommand request) throws Exception;

    /**
     * Whether to refuse requests for now (e.g. the store is overloaded); checked on the executor right before
     * {@link #processRequest}. Refused requests are answered with SYSTEM_BUSY {@code [REJECTREQUEST]...}.
     */
    default boolean rejectRequest() {
        return false;
    }
}
