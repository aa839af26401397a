package io.nimbusmq.broker.http;

/**
 * Runs before the handler of every route (login checks, write protection). Returns null to let the request through,
 * or the response to send instead; may set request attributes for the handler.
 */
@FunctionalInterface
public interface Filter {

    Response check(Request request, Route route);
}
