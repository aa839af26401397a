package io.nimbusmq.broker.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a handler answers: a status, a content type, a body and extra headers. JSON answers are written with
 * {@link JsonCodec}; errors are {@code {"error": "..."}}.
 *
 * @param status HTTP status
 * @param contentType the body's media type, or null when there is no body
 * @param body the bytes to send (empty for none)
 * @param headers extra response headers (a Set-Cookie, a cache policy)
 */
public record Response(int status, String contentType, byte[] body, Map<String, String> headers) {

    public static final String JSON = "application/json; charset=utf-8";

    public Response {
        body = body == null ? new byte[0] : body;
        headers = Map.copyOf(headers);
    }

    /** 200 with {@code value} as JSON. */
    public static Response json(Object value) {
        return json(200, value);
    }

    public static Response json(int status, Object value) {
        return new Response(status, JSON, JsonCodec.write(value), Map.of());
    }

    /** {@code {"error": message}} with {@code status}. */
    public static Response error(int status, String message) {
        return json(status, Map.of("error", message));
    }

    /** 204, no body. */
    public static Response noContent() {
        return new Response(204, null, new byte[0], Map.of());
    }

    public static Response bytes(String contentType, byte[] body) {
        return new Response(200, contentType, body, Map.of());
    }

    public static Response text(int status, String text) {
        return new Response(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** This response with one more header. */
    public Response withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new Response(status, contentType, body, copy);
    }
}
