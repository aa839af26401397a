package io.nimbusmq.broker.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * The console's JSON API as the tests call it: like the page, with the write header; {@link #raw} sends exactly
 * what a test gives (no write header unless given), for the refusals.
 */
final class ConsoleHttp {

    static final ObjectMapper JSON = new ObjectMapper();

    /** A status and the body read as JSON (a missing node when empty or not JSON). */
    record Answer(int status, JsonNode json, HttpResponse<String> response) {

        String error() {
            return json.path("error").asText(null);
        }
    }

    private final String baseUrl;
    private final HttpClient client;
    private volatile String cookie;

    ConsoleHttp(String baseUrl) {
        this(baseUrl, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
    }

    /** With a client of its own (one that trusts a test certificate). */
    ConsoleHttp(String baseUrl, HttpClient client) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.client = client;
    }

    String baseUrl() {
        return baseUrl;
    }

    /** Sends this session cookie ({@code name=value}) with every request. */
    void cookie(String value) {
        this.cookie = value;
    }

    Answer get(String path) {
        return send("GET", path, null, Map.of());
    }

    Answer post(String path, Object body) {
        return send("POST", path, body, Map.of("X-Nimbus-Console", "1"));
    }

    Answer put(String path, Object body) {
        return send("PUT", path, body, Map.of("X-Nimbus-Console", "1"));
    }

    Answer delete(String path) {
        return send("DELETE", path, null, Map.of("X-Nimbus-Console", "1"));
    }

    private Answer send(String method, String path, Object body, Map<String, String> headers) {
        try {
            return raw(method, path, body == null ? null : JSON.writeValueAsBytes(body), headers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Answer raw(String method, String path, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json;
            try {
                json = response.body().isEmpty() ? MissingNode.getInstance() : JSON.readTree(response.body());
            } catch (IOException notJson) {
                json = MissingNode.getInstance();
            }
            return new Answer(response.statusCode(), json, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
