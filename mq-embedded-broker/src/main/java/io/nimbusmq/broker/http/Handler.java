package io.nimbusmq.broker.http;

/** Answers one route. Throws {@link HttpError} for anything the caller did wrong. */
@FunctionalInterface
public interface Handler {

    Response handle(Request request) throws Exception;
}
