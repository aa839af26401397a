package io.nimbusmq.broker.console.api;

import static io.nimbusmq.broker.console.api.Guarded.guarded;

import java.util.Optional;

import io.nimbusmq.broker.console.ConsoleData;
import io.nimbusmq.broker.console.model.MessageViews;
import io.nimbusmq.broker.http.HttpError;
import io.nimbusmq.broker.http.Request;
import io.nimbusmq.broker.http.Response;
import io.nimbusmq.broker.http.Router;

/**
 * The messages page's API.
 *
 * <pre>
 * GET  /api/messages?topic=T&amp;begin=B&amp;end=E&amp;limit=N   stored between two times (default: the last hour)
 * GET  /api/messages?topic=T&amp;key=K                        by key
 * GET  /api/messages?msgId=M[&amp;topic=T]                    by id (the producer's needs the topic)
 * GET  /api/messages/{offsetMsgId}                         properties, body preview, consumption per group
 * POST /api/messages/{offsetMsgId}/resend                  {"group", "clientId"}: a member consumes it again
 * </pre>
 */
final class MessageRoutes {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1_000;
    private static final long HOUR_MILLIS = 3_600_000;

    private MessageRoutes() {
    }

    static void register(Router router, ConsoleData data) {
        router.get("/api/messages", guarded(request -> Response.json(search(request, data))))
                .get("/api/messages/{id}", guarded(request -> Response.json(data.message(request.pathParam("id")))))
                .post("/api/messages/{id}/resend", guarded(request -> Response.json(data.resendToGroup(
                        request.pathParam("id"), request.body(MessageViews.ResendToGroup.class),
                        request.remoteAddress()))));
    }

    private static MessageViews.SearchResult search(Request request, ConsoleData data) {
        Optional<String> topic = request.query("topic");
        Optional<String> msgId = request.query("msgId");
        int limit = request.intQuery("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        if (msgId.isPresent()) {
            return data.messagesById(topic.orElse(null), msgId.get());
        }
        if (topic.isEmpty()) {
            throw HttpError.badRequest("Choose a topic (or give a message id).");
        }
        Optional<String> key = request.query("key");
        if (key.isPresent()) {
            return data.messagesByKey(topic.get(), key.get(), limit);
        }
        long now = System.currentTimeMillis();
        long end = Times.parse(request, "end").orElse(now);
        long begin = Times.parse(request, "begin").orElse(end - HOUR_MILLIS);
        if (end < begin) {
            throw HttpError.badRequest("The time range ends before it begins.");
        }
        return data.messagesByTime(topic.get(), begin, end, limit);
    }
}
