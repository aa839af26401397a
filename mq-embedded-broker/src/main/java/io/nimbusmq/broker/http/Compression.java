package io.nimbusmq.broker.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * Which answers {@link WebServer} gzips: text (JSON, HTML, scripts, styles, SVG) of more than {@link #MIN_BYTES},
 * when the request's {@code Accept-Encoding} names gzip (and does not refuse it with {@code q=0}). Smaller answers
 * gain nothing worth the work; images and archives are compressed already.
 */
final class Compression {

    static final int MIN_BYTES = 1024;

    private Compression() {
    }

    /** Whether the answer's body is text large enough to gzip (its answer then varies by Accept-Encoding). */
    static boolean worthIt(Response response) {
        String type = response.contentType();
        if (response.body().length <= MIN_BYTES || type == null || response.headers().containsKey("Content-Encoding")) {
            return false;
        }
        return type.startsWith("text/") || type.startsWith("application/json") || type.startsWith("image/svg+xml");
    }

    /** Whether an {@code Accept-Encoding} header accepts gzip. */
    static boolean accepted(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.toLowerCase(Locale.ROOT).split(",")) {
            String[] parts = coding.trim().split(";");
            if (parts[0].trim().equals("gzip")) {
                return parts.length < 2 || !parts[1].replace(" ", "").matches("q=0(\\.0*)?");
            }
        }
        return false;
    }

    /** The answer with its body gzipped and {@code Content-Encoding: gzip}. */
    static Response gzip(Response response) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(response.body().length / 4 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen in memory
        }
        return new Response(response.status(), response.contentType(), out.toByteArray(), response.headers())
                .withHeader("Content-Encoding", "gzip");
    }
}
