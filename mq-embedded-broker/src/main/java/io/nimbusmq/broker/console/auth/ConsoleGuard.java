package io.nimbusmq.broker.console.auth;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

import io.nimbusmq.broker.http.Filter;
import io.nimbusmq.broker.http.Request;
import io.nimbusmq.broker.http.Response;
import io.nimbusmq.broker.http.Route;

/**
 * The console's checks in front of every route.
 *
 * <ul>
 * <li><b>Write protection</b> (always): a request that changes something must carry the header
 * {@value #WRITE_HEADER}, which the console's own page sends and which a page of another site cannot send without the
 * browser asking first (and this server never says yes); if the browser names the request's origin, it must be this
 * server. So a malicious page open in the same browser cannot use the console, even on loopback.</li>
 * <li><b>Login</b> (with access control on): every route but the open ones needs a live session cookie of an admin
 * user; the user's name is put in the request attribute {@value #USER}.</li>
 * </ul>
 */
public final class ConsoleGuard implements Filter {

    public static final String WRITE_HEADER = "X-Nimbus-Console";
    public static final String SESSION_COOKIE = "nimbus_console_session";
    public static final String USER = "user";

    private final Sessions sessions;

    /** @param sessions the logged-in users, or null when no login is required */
    public ConsoleGuard(Sessions sessions) {
        this.sessions = sessions;
    }

    public boolean loginRequired() {
        return sessions != null;
    }

    @Override
    public Response check(Request request, Route route) {
        if (route.isWrite()) {
            if (request.header(WRITE_HEADER).isEmpty()) {
                return Response.error(403, "Changes are accepted from the console page only (the "
                        + WRITE_HEADER + " header is missing).");
            }
            if (!sameOrigin(request)) {
                return Response.error(403, "Changes are accepted from the console page only (the request comes "
                        + "from another site).");
            }
        }
        if (sessions == null) {
            return null;
        }
        Optional<String> user = sessions.user(request.cookie(SESSION_COOKIE).orElse(null));
        user.ifPresent(name -> request.attribute(USER, name));
        if (user.isEmpty() && !route.open()) {
            return Response.error(401, "Log in with an admin user of the broker's access control.");
        }
        return null;
    }

    /** No Origin header (same-origin GETs, tools), or one whose host and port are the Host the request was sent to. */
    private static boolean sameOrigin(Request request) {
        Optional<String> origin = request.header("Origin");
        if (origin.isEmpty()) {
            return true;
        }
        try {
            URI uri = URI.create(origin.get());
            String host = request.header("Host").orElse("").toLowerCase(Locale.ROOT);
            String originHost = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            String originAuthority = uri.getPort() < 0 ? originHost : originHost + ":" + uri.getPort();
            return host.equals(originAuthority) || host.equals("[" + originHost + "]:" + uri.getPort());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
