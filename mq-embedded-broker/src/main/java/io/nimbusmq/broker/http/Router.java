package io.nimbusmq.broker.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The route table and the filters in front of it. Built once before the server starts; {@link #dispatch} finds the
 * route of a request (404 when no pattern matches the path, 405 when patterns match but not for this method) and
 * runs the filters, then the handler. What a handler throws is turned into an answer by {@link WebServer}.
 */
public final class Router {

    private final List<Route> routes = new CopyOnWriteArrayList<>();
    private final List<Filter> filters = new CopyOnWriteArrayList<>();

    public Router get(String pattern, Handler handler) {
        return add(new Route("GET", pattern, handler, false));
    }

    public Router post(String pattern, Handler handler) {
        return add(new Route("POST", pattern, handler, false));
    }

    public Router put(String pattern, Handler handler) {
        return add(new Route("PUT", pattern, handler, false));
    }

    public Router delete(String pattern, Handler handler) {
        return add(new Route("DELETE", pattern, handler, false));
    }

    /** A route every caller may use, before any login (static files, the login call itself). */
    public Router open(String method, String pattern, Handler handler) {
        return add(new Route(method, pattern, handler, true));
    }

    public Router add(Route route) {
        routes.add(route);
        return this;
    }

    /** Adds a check that runs, in the order added, before every handler. */
    public Router filter(Filter filter) {
        filters.add(filter);
        return this;
    }

    public List<Route> routes() {
        return List.copyOf(routes);
    }

    /** The answer to {@code request}, or what its handler threw. */
    Response dispatch(Request request) throws Exception {
        List<String> segments = segments(request.path());
        boolean pathKnown = false;
        for (Route route : routes) {
            Map<String, String> params = route.match(segments);
            if (params == null) {
                continue;
            }
            pathKnown = true;
            if (!route.method().equals(request.method())) {
                continue;
            }
            request.pathParams(params);
            for (Filter filter : filters) {
                Response refusal = filter.check(request, route);
                if (refusal != null) {
                    return refusal;
                }
            }
            return route.handler().handle(request);
        }
        return pathKnown ? Response.error(405, request.method() + " is not supported on " + request.path() + ".")
                : Response.error(404, "There is nothing at " + request.path() + ".");
    }

    /** The decoded segments of a raw path: {@code /api/topics/%25DLQ%25g} gives {@code [api, topics, %DLQ%g]}. */
    static List<String> segments(String rawPath) {
        String trimmed = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
        List<String> segments = new ArrayList<>();
        for (String part : trimmed.split("/", -1)) {
            try {
                segments.add(URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw HttpError.badRequest("The path " + rawPath + " is not correctly encoded.");
            }
        }
        return segments;
    }
}
