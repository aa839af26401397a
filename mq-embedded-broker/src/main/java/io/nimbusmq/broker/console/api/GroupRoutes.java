package io.nimbusmq.broker.console.api;

import static io.nimbusmq.broker.console.api.Guarded.guarded;

import io.nimbusmq.broker.console.ConsoleData;
import io.nimbusmq.broker.console.model.GroupViews;
import io.nimbusmq.broker.http.Response;
import io.nimbusmq.broker.http.Router;

/**
 * The consumer groups page's API.
 *
 * <pre>
 * GET    /api/groups                   every group, online or with committed offsets, with its lag
 * GET    /api/groups/{group}           members, subscriptions, lag per queue
 * GET    /api/groups/{group}/lag       total lag over the last minutes
 * POST   /api/groups/{group}/reset     {"topic", "to": "end" | "time", "timestampMillis"}
 * DELETE /api/groups/{group}           forget an offline group
 * </pre>
 */
final class GroupRoutes {

    private GroupRoutes() {
    }

    static void register(Router router, ConsoleData data) {
        router.get("/api/groups", guarded(request -> Response.json(data.groups())))
                .get("/api/groups/{group}", guarded(request -> Response.json(data.group(request.pathParam("group")))))
                .get("/api/groups/{group}/lag", guarded(request ->
                        Response.json(data.lagHistory(request.pathParam("group")))))
                .post("/api/groups/{group}/reset", guarded(request -> Response.json(data.resetOffset(
                        request.pathParam("group"), request.body(GroupViews.Reset.class), request.remoteAddress()))))
                .delete("/api/groups/{group}", guarded(request -> {
                    data.deleteGroup(request.pathParam("group"), request.remoteAddress());
                    return Response.noContent();
                }));
    }
}
