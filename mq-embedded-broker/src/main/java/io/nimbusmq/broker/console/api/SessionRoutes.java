package io.nimbusmq.broker.console.api;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import io.nimbusmq.broker.console.auth.AdminUsers;
import io.nimbusmq.broker.console.auth.ConsoleGuard;
import io.nimbusmq.broker.console.auth.Sessions;
import io.nimbusmq.broker.http.HttpError;
import io.nimbusmq.broker.http.Request;
import io.nimbusmq.broker.http.Response;
import io.nimbusmq.broker.http.Router;
import io.nimbusmq.remoting.RateLimitedLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Login and logout (open routes).
 *
 * <pre>
 * GET  /api/session      {"loginRequired": bool, "user": name or null}
 * POST /api/login        {"accessKey", "secretKey"}: sets the session cookie (HttpOnly, SameSite=Strict)
 * POST /api/logout       ends the session
 * </pre>
 *
 * After {@value #MAX_FAILURES} failed logins from one address within a minute, that address waits for the minute to
 * end (429). Failed logins are logged, once a minute per address.
 */
final class SessionRoutes {

    static final int MAX_FAILURES = 5;
    private static final long WINDOW_MILLIS = 60_000;
    private static final Logger log = LoggerFactory.getLogger(SessionRoutes.class);
    private static final RateLimitedLog refusals = new RateLimitedLog(log, WINDOW_MILLIS, Clock.systemUTC());

    /** The login request body. */
    record Login(String accessKey, String secretKey) {
    }

    /** What the page needs to know about its session. */
    record SessionState(boolean loginRequired, String user) {
    }

    private final AdminUsers users;
    private final Sessions sessions;
    private final boolean secureCookie;
    private final Clock clock;
    private final Map<String, long[]> failures = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, long[]> eldest) {
            return size() > 10_000;
        }
    };

    private SessionRoutes(AdminUsers users, Sessions sessions, boolean secureCookie, Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.secureCookie = secureCookie;
        this.clock = clock;
    }

    /** @param users null when no login is required */
    static void register(Router router, AdminUsers users, Sessions sessions, boolean secureCookie, Clock clock) {
        SessionRoutes routes = new SessionRoutes(users, sessions, secureCookie, clock);
        router.open("GET", "/api/session", request -> Response.json(new SessionState(users != null,
                request.<String>attribute(ConsoleGuard.USER).orElse(null))))
                .open("POST", "/api/login", routes::login)
                .open("POST", "/api/logout", routes::logout);
    }

    private Response login(Request request) {
        if (users == null) {
            return Response.json(new SessionState(false, null));
        }
        String host = request.remoteAddress().getAddress().getHostAddress();
        if (tooManyFailures(host)) {
            throw new HttpError(429, "Too many failed logins from this address; wait a minute and try again.");
        }
        Login login = request.body(Login.class);
        try {
            String user = users.authenticate(login.accessKey(), login.secretKey());
            String token = sessions.start(user);
            log.info("Console login of {} from {}", user, host);
            return Response.json(new SessionState(true, user)).withHeader("Set-Cookie",
                    cookie(token, "Max-Age=86400"));
        } catch (AdminUsers.LoginRefused e) {
            recordFailure(host);
            refusals.warn("login " + host, "Console login refused from {}: {}", host, e.getMessage());
            throw new HttpError(401, e.getMessage());
        }
    }

    private Response logout(Request request) {
        if (sessions != null) {
            sessions.end(request.cookie(ConsoleGuard.SESSION_COOKIE).orElse(null));
        }
        return Response.noContent().withHeader("Set-Cookie", cookie("", "Max-Age=0"));
    }

    private String cookie(String value, String age) {
        return ConsoleGuard.SESSION_COOKIE + "=" + value + "; Path=/; HttpOnly; SameSite=Strict; " + age
                + (secureCookie ? "; Secure" : "");
    }

    private synchronized boolean tooManyFailures(String host) {
        long[] window = failures.get(host);
        return window != null && clock.millis() - window[0] < WINDOW_MILLIS && window[1] >= MAX_FAILURES;
    }

    private synchronized void recordFailure(String host) {
        long now = clock.millis();
        long[] window = failures.get(host);
        if (window == null || now - window[0] >= WINDOW_MILLIS) {
            failures.put(host, new long[] {now, 1});
        } else {
            window[1]++;
        }
    }
}
