package io.nimbusmq.broker.processor;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

import io.nimbusmq.remoting.dispatch.RequestContext;
import io.nimbusmq.remoting.dispatch.RequestProcessor;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.ResponseCode;
import io.nimbusmq.remoting.protocol.header.QueryMessageRequestHeader;
import io.nimbusmq.remoting.protocol.header.QueryMessageResponseHeader;
import io.nimbusmq.remoting.protocol.header.ViewMessageRequestHeader;
import io.nimbusmq.store.MessageStore;
import io.nimbusmq.store.file.MappedSlice;
import io.nimbusmq.store.read.QueryMessageResult;

/** QUERY_MESSAGE (12, by key or unique key) and VIEW_MESSAGE_BY_ID (33, by commit log offset). */
public final class QueryMessageProcessor implements RequestProcessor {

    static final int UNIQUE_KEY_MAX_RESULTS = 32;

    private final MessageStore store;

    public QueryMessageProcessor(MessageStore store) {
        this.store = store;
    }

    @Override
    public RemotingCommand processRequest(RequestContext context, RemotingCommand request) {
        if (request.code() == RequestCode.VIEW_MESSAGE_BY_ID) {
            return viewById(request);
        }
        return query(request);
    }

    private RemotingCommand viewById(RemotingCommand request) {
        long offset = ViewMessageRequestHeader.readFrom(request).offset();
        MappedSlice slice = store.readMessage(offset);
        if (slice == null) {
            return RemotingCommand.createResponse(request, ResponseCode.SYSTEM_ERROR,
                    "can not find message by the offset, " + offset);
        }
        try {
            return RemotingCommand.createResponse(request, ResponseCode.SUCCESS, null).setBody(copy(slice));
        } finally {
            slice.release();
        }
    }

    private RemotingCommand query(RemotingCommand request) {
        QueryMessageRequestHeader header = QueryMessageRequestHeader.readFrom(request);
        try (QueryMessageResult result = header.uniqueKeyQuery()
                ? store.queryByUniqueKey(header.topic(), header.key(), UNIQUE_KEY_MAX_RESULTS,
                        header.beginTimestamp(), header.endTimestamp())
                : store.queryByKey(header.topic(), header.key(), Math.max(1, header.maxNum()),
                        header.beginTimestamp(), header.endTimestamp())) {
            RemotingCommand response;
            if (result.messages().isEmpty()) {
                response = RemotingCommand.createResponse(request, ResponseCode.QUERY_NOT_FOUND,
                        "can not find message, maybe time range not correct");
            } else {
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                for (MappedSlice slice : result.messages()) {
                    body.writeBytes(copy(slice));
                }
                response = RemotingCommand.createResponse(request, ResponseCode.SUCCESS, null)
                        .setBody(body.toByteArray());
            }
            return response.writeHeader(new QueryMessageResponseHeader(result.indexLastUpdateTimestamp(),
                    result.indexLastUpdatePhysicalOffset()));
        }
    }

    private static byte[] copy(MappedSlice slice) {
        ByteBuffer view = slice.buffer().duplicate().clear();
        byte[] bytes = new byte[view.remaining()];
        view.get(bytes);
        return bytes;
    }
}
