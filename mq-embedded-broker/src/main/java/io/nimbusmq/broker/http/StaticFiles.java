package io.nimbusmq.broker.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Files from the class path (the jar), answered for a route with a {@code {file}} parameter: only plain file names
 * ({@code [A-Za-z0-9._-]}, no {@code ..}), so nothing outside the folder can be reached. Read once and kept.
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
            Response response = Response.bytes(TYPES.getOrDefault(extension, "application/octet-stream"),
                    in.readAllBytes()).withHeader("Cache-Control", "no-cache");
            cache.put(name, response);
            return response;
        }
    }
}
