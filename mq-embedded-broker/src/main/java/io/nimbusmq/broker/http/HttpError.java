package io.nimbusmq.broker.http;

/**
 * A request the server refuses, with the status and a sentence a person understands; answered as
 * {@code {"error": "<message>"}}. Handlers throw it for bad input, unknown things and refused actions. The message is
 * shown on the page as it is: it names what was wrong and, where it helps, what to do instead, never a stack trace.
 */
public final class HttpError extends RuntimeException {

    private final int status;

    public HttpError(int status, String message) {
        super(message, null, false, false);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("an error status is 4xx or 5xx: " + status);
        }
        this.status = status;
    }

    /** 400: the request itself is wrong (a malformed field, a missing value). */
    public static HttpError badRequest(String message) {
        return new HttpError(400, message);
    }

    /** 404: what the request names does not exist. */
    public static HttpError notFound(String message) {
        return new HttpError(404, message);
    }

    /** 409: the request is valid but the current state forbids it. */
    public static HttpError conflict(String message) {
        return new HttpError(409, message);
    }

    public int status() {
        return status;
    }
}
