package io.nimbusmq.broker.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Files from the class path (the jar), answered for a route with a {@code {file}} parameter: only plain file names
 * ({@code [A-Za-z0-9._-]}, no {@code ..}), so nothing outside the folder can be reached. Read once and kept.
 *
 * <p>Caching: answered with an {@code ETag} (a hash of the content: a browser revalidates with
 * {@code If-None-Match} and gets 304, see {@link WebServer}) and {@code Cache-Control: no-cache}, except under a
 * route that also has a {@code {version}} parameter equal to {@link #VERSION} (the page links its files as
 * {@code /assets/<VERSION>/app.js}, and relative module imports stay under it): those are {@code immutable} for a
 * year, so a browser loads them once per broker run and a page opens with no request for them.
 */
public final class StaticFiles implements Handler {

    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,100}");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "json", "application/json; charset=utf-8");

    /** Changes with every start of the broker's process, so that a new jar's files are never taken from a cache. */
    public static final String VERSION = Long.toString(System.currentTimeMillis(), 36);
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private final String folder;
    private final ClassLoader loader;
    private final Map<String, Response> cache = new ConcurrentHashMap<>();

    /** @param folder class path folder, e.g. {@code io/nimbusmq/console/} */
    public StaticFiles(String folder) {
        this.folder = folder.endsWith("/") ? folder : folder + "/";
        this.loader = StaticFiles.class.getClassLoader();
    }

    @Override
    public Response handle(Request request) throws IOException {
        return file(request.pathParam("file"));
    }

    /** The handler for a route with {@code {version}} and {@code {file}}: immutable when the version is this run's. */
    public Handler versioned() {
        return request -> {
            Response file = file(request.pathParam("file"));
            return VERSION.equals(request.pathParam("version")) ? file.withHeader("Cache-Control", IMMUTABLE) : file;
        };
    }

    /**
     * A text file of the folder as {@code change} rewrites it (the page, linking its files under {@link #VERSION}),
     * with {@code Cache-Control: no-cache}; rewritten once and kept.
     */
    public Response rewritten(String name, UnaryOperator<String> change) throws IOException {
        String key = name + "|rewritten";
        Response cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        Response original = file(name);
        String text = change.apply(new String(original.body(), StandardCharsets.UTF_8));
        Response response = cacheable(original.contentType(), text.getBytes(StandardCharsets.UTF_8));
        cache.put(key, response);
        return response;
    }

    /** The file named {@code name} in the folder, or 404. */
    public Response file(String name) throws IOException {
        if (!FILE_NAME.matcher(name).matches() || name.contains("..")) {
            throw HttpError.notFound("There is no file " + name + ".");
        }
        Response cached = cache.get(name);
        if (cached != null) {
            return cached;
        }
        try (InputStream in = loader.getResourceAsStream(folder + name)) {
            if (in == null) {
                throw HttpError.notFound("There is no file " + name + ".");
            }
            String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            Response response = cacheable(TYPES.getOrDefault(extension, "application/octet-stream"),
                    in.readAllBytes());
            cache.put(name, response);
            return response;
        }
    }

    private static Response cacheable(String contentType, byte[] content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
            return Response.bytes(contentType, content).withHeader("Cache-Control", "no-cache")
                    .withHeader("ETag", "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
