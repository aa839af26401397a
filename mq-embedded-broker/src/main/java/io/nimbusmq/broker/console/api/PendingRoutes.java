package io.nimbusmq.broker.console.api;

import static io.nimbusmq.broker.console.api.Guarded.guarded;

import io.nimbusmq.broker.console.ConsoleData;
import io.nimbusmq.broker.http.HttpError;
import io.nimbusmq.broker.http.Response;
import io.nimbusmq.broker.http.Router;

/**
 * The dead letters and retries page, and the scheduled and transactions page.
 *
 * <pre>
 * GET    /api/dead-letters                                  groups with dead letters or retries
 * GET    /api/groups/{group}/dead-letters?limit=N           the newest dead letters
 * GET    /api/groups/{group}/retries?limit=N                the newest retries
 * POST   /api/groups/{group}/dead-letters/resend            {"msgId"}: back to its original topic
 * POST   /api/groups/{group}/dead-letters/resend-all        every dead letter back to its topic
 * DELETE /api/groups/{group}/dead-letters                   delete the group's dead letters
 * GET    /api/scheduled?limit=N                             delayed and timer messages waiting, soonest first
 * GET    /api/transactions?limit=N                          half messages waiting for their producer
 * </pre>
 */
final class PendingRoutes {

    /** The request body of a resend. */
    record ResendRequest(String msgId) {
    }

    private PendingRoutes() {
    }

    static void register(Router router, ConsoleData data) {
        router.get("/api/dead-letters", guarded(request -> Response.json(data.deadLetterGroups())))
                .get("/api/groups/{group}/dead-letters", guarded(request -> Response.json(data.deadLetters(
                        request.pathParam("group"), limit(request)))))
                .get("/api/groups/{group}/retries", guarded(request -> Response.json(data.retries(
                        request.pathParam("group"), limit(request)))))
                .post("/api/groups/{group}/dead-letters/resend", guarded(request -> {
                    ResendRequest body = request.body(ResendRequest.class);
                    if (body.msgId() == null || body.msgId().isBlank()) {
                        throw HttpError.badRequest("Name the dead letter to resend (msgId).");
                    }
                    return Response.json(data.resendDeadLetter(request.pathParam("group"), body.msgId().trim(),
                            request.remoteAddress()));
                }))
                .post("/api/groups/{group}/dead-letters/resend-all", guarded(request -> Response.json(
                        data.resendAllDeadLetters(request.pathParam("group"), request.remoteAddress()))))
                .delete("/api/groups/{group}/dead-letters", guarded(request -> {
                    data.deleteDeadLetters(request.pathParam("group"), request.remoteAddress());
                    return Response.noContent();
                }))
                .get("/api/scheduled", guarded(request -> Response.json(data.scheduled(limit(request)))))
                .get("/api/transactions", guarded(request -> Response.json(data.transactions(limit(request)))));
    }

    private static int limit(io.nimbusmq.broker.http.Request request) {
        return request.intQuery("limit", MessageRoutes.DEFAULT_LIMIT, 1, MessageRoutes.MAX_LIMIT);
    }
}
