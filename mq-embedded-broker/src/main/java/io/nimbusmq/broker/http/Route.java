package io.nimbusmq.broker.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A method and a path pattern such as {@code /api/topics/{topic}} (a {@code {name}} matches one decoded path
 * segment), the handler, and whether it is open to anyone (static files, the login call) or behind the filters'
 * checks.
 */
public record Route(String method, String pattern, Handler handler, boolean open) {

    public Route {
        if (!pattern.startsWith("/")) {
            throw new IllegalArgumentException("a route pattern starts with '/': " + pattern);
        }
    }

    /** Whether the route changes something (POST, PUT, DELETE): these get the write protection. */
    public boolean isWrite() {
        return !method.equals("GET") && !method.equals("HEAD");
    }

    /** The path parameters if {@code segments} (decoded) match this pattern, else null. */
    Map<String, String> match(List<String> segments) {
        String[] parts = pattern.substring(1).split("/", -1);
        if (parts.length != segments.size()) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.startsWith("{") && part.endsWith("}")) {
                if (segments.get(i).isEmpty()) {
                    return null;
                }
                params.put(part.substring(1, part.length() - 1), segments.get(i));
            } else if (!part.equals(segments.get(i))) {
                return null;
            }
        }
        return params;
    }
}
