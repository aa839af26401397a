package io.nimbusmq.broker.console.api;

import static io.nimbusmq.broker.console.api.Guarded.guarded;

import io.nimbusmq.broker.console.ConsoleData;
import io.nimbusmq.broker.console.model.TopicViews;
import io.nimbusmq.broker.http.HttpError;
import io.nimbusmq.broker.http.Response;
import io.nimbusmq.broker.http.Router;

/**
 * The topics page's API.
 *
 * <pre>
 * GET    /api/topics                       every topic (user and system) with queue counts and message counts
 * POST   /api/topics                       create: {"topic", "readQueues", "writeQueues", "perm", "order"}
 * GET    /api/topics/{topic}               queues with min/max offsets, consumer groups
 * PUT    /api/topics/{topic}               update queues / perm / order (unset fields keep their value)
 * DELETE /api/topics/{topic}               delete
 * POST   /api/topics/{topic}/messages      send a test message: {"body", "tag", "keys", "properties"}
 * </pre>
 */
final class TopicRoutes {

    private TopicRoutes() {
    }

    static void register(Router router, ConsoleData data) {
        router.get("/api/topics", guarded(request -> Response.json(data.topics())))
                .post("/api/topics", guarded(request -> {
                    TopicViews.Spec spec = request.body(TopicViews.Spec.class);
                    data.createTopic(spec, request.remoteAddress());
                    return Response.json(201, data.topic(spec.topic().trim()));
                }))
                .get("/api/topics/{topic}", guarded(request -> Response.json(data.topic(request.pathParam("topic")))))
                .put("/api/topics/{topic}", guarded(request -> {
                    String topic = request.pathParam("topic");
                    TopicViews.Spec spec = request.body(TopicViews.Spec.class);
                    if (spec.topic() != null && !spec.topic().trim().equals(topic)) {
                        throw HttpError.badRequest("A topic cannot be renamed: the body names " + spec.topic()
                                + ", the address " + topic + ".");
                    }
                    data.updateTopic(new TopicViews.Spec(topic, spec.readQueues(), spec.writeQueues(), spec.perm(),
                            spec.order()), request.remoteAddress());
                    return Response.json(data.topic(topic));
                }))
                .delete("/api/topics/{topic}", guarded(request -> {
                    data.deleteTopic(request.pathParam("topic"), request.remoteAddress());
                    return Response.noContent();
                }))
                .post("/api/topics/{topic}/messages", guarded(request -> Response.json(201, data.sendTestMessage(
                        request.pathParam("topic"), request.body(TopicViews.TestMessage.class),
                        request.remoteAddress()))));
    }
}
