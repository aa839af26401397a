package io.nimbusmq.broker.http;

import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request as handlers see it: method, path, path parameters of the matched route, query parameters,
 * headers, the body (bounded by the server's limit) and attributes set by filters (the logged-in user).
 */
public final class Request {

    private final String method;
    private final String path;
    private final Map<String, String> query;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final InetSocketAddress remoteAddress;
    private final Map<String, Object> attributes = new HashMap<>();
    private Map<String, String> pathParams = Map.of();

    /** @param headers by lower-case name */
    public Request(String method, String path, Map<String, String> query, Map<String, List<String>> headers,
            byte[] body, InetSocketAddress remoteAddress) {
        this.method = method;
        this.path = path;
        this.query = Map.copyOf(query);
        this.headers = Map.copyOf(headers);
        this.body = body;
        this.remoteAddress = remoteAddress;
    }

    public String method() {
        return method;
    }

    /** The path as sent, still encoded, e.g. {@code /api/topics/%25DLQ%25orders}; path parameters are decoded. */
    public String path() {
        return path;
    }

    void pathParams(Map<String, String> values) {
        this.pathParams = Map.copyOf(values);
    }

    /** The value of {@code {name}} in the matched route. */
    public String pathParam(String name) {
        String value = pathParams.get(name);
        if (value == null) {
            throw new IllegalStateException("the route has no parameter {" + name + "}");
        }
        return value;
    }

    /** A query parameter, empty when absent or blank. */
    public Optional<String> query(String name) {
        String value = query.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /** A query parameter that must be present. */
    public String requiredQuery(String name) {
        return query(name).orElseThrow(() -> HttpError.badRequest("The parameter '" + name + "' is required."));
    }

    /** An integer query parameter in {@code min..max}, or {@code otherwise} when absent. */
    public int intQuery(String name, int otherwise, int min, int max) {
        Optional<String> text = query(name);
        if (text.isEmpty()) {
            return otherwise;
        }
        try {
            int value = Integer.parseInt(text.get());
            if (value < min || value > max) {
                throw HttpError.badRequest("The parameter '" + name + "' must be between " + min + " and " + max
                        + ", not " + value + ".");
            }
            return value;
        } catch (NumberFormatException e) {
            throw HttpError.badRequest("The parameter '" + name + "' must be a whole number, not '" + text.get()
                    + "'.");
        }
    }

    /** The first value of a header (any case), if present. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** A cookie sent with the request. */
    public Optional<String> cookie(String name) {
        List<String> values = headers.get("cookie");
        if (values == null) {
            return Optional.empty();
        }
        for (String header : values) {
            for (String pair : header.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).trim().equals(name)) {
                    return Optional.of(pair.substring(eq + 1).trim());
                }
            }
        }
        return Optional.empty();
    }

    public byte[] body() {
        return body;
    }

    /** The body read as JSON into {@code type}; a {@link HttpError} 400 when it cannot be. */
    public <T> T body(Class<T> type) {
        return JsonCodec.read(body, type);
    }

    public InetSocketAddress remoteAddress() {
        return remoteAddress;
    }

    public void attribute(String name, Object value) {
        attributes.put(name, value);
    }

    @SuppressWarnings("unchecked")
    public <T> Optional<T> attribute(String name) {
        return Optional.ofNullable((T) attributes.get(name));
    }
}
