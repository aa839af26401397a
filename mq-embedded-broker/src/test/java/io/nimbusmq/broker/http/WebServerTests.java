package io.nimbusmq.broker.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Compression and revalidation of {@link WebServer}'s answers, on 127.0.0.1 port 0. */
class WebServerTests {

    private static final String LARGE_JSON = "[" + "{\"topic\": \"orders\"},".repeat(200) + "{}]";
    private static WebServer server;
    private static final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        StaticFiles files = new StaticFiles("io/nimbusmq/console/");
        Router router = new Router()
                .get("/large", request -> Response.bytes(Response.JSON, LARGE_JSON.getBytes(StandardCharsets.UTF_8)))
                .get("/small", request -> Response.json(Map.of("ok", true)))
                .get("/png", request -> Response.bytes("image/png", new byte[4096]))
                .get("/files/{file}", files);
        server = WebServer.start(WebServerConfig.of("127.0.0.1", 0), router, "web-test");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<byte[]> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path.substring(1)));
        headers.forEach(request::header);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void textOverAKibibyteIsGzippedForClientsThatAcceptIt() throws Exception {
        HttpResponse<byte[]> gzipped = get("/large", Map.of("Accept-Encoding", "gzip, deflate, br"));
        HttpResponse<byte[]> plain = get("/large", Map.of());
        HttpResponse<byte[]> refused = get("/large", Map.of("Accept-Encoding", "br, gzip;q=0"));

        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gzipped.headers().firstValue("Vary")).hasValue("Accept-Encoding");
        assertThat(gzipped.body().length).isLessThan(LARGE_JSON.length() / 4);
        assertThat(gunzip(gzipped.body())).isEqualTo(LARGE_JSON);
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(new String(plain.body(), StandardCharsets.UTF_8)).isEqualTo(LARGE_JSON);
        assertThat(refused.headers().firstValue("Content-Encoding")).isEmpty();
    }

    @Test
    void smallAnswersAndImagesAreSentAsTheyAre() throws Exception {
        HttpResponse<byte[]> small = get("/small", Map.of("Accept-Encoding", "gzip"));
        HttpResponse<byte[]> png = get("/png", Map.of("Accept-Encoding", "gzip"));

        assertThat(small.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(new String(small.body(), StandardCharsets.UTF_8)).isEqualTo("{\"ok\":true}");
        assertThat(png.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(png.body()).hasSize(4096);
    }

    @Test
    void aFileIsRevalidatedByItsETag() throws Exception {
        HttpResponse<byte[]> first = get("/files/console.css", Map.of());
        String etag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> again = get("/files/console.css", Map.of("If-None-Match", etag));
        HttpResponse<byte[]> other = get("/files/app.js", Map.of("If-None-Match", etag));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).hasValue(etag);
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(other.headers().firstValue("ETag")).isNotEqualTo(etag);
    }
}
