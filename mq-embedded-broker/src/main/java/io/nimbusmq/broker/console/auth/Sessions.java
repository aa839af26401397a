package io.nimbusmq.broker.console.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Logged-in console users: a random 256-bit token (the session cookie) to the user and the time it was last used.
 * A session ends after {@code idleMillis} without use or at logout; at most {@value #MAX_SESSIONS} live at once (the
 * least recently used goes first). In memory only: a broker restart logs everyone out. Thread-safe.
 */
public final class Sessions {

    static final int MAX_SESSIONS = 1_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Session(String user, long lastUsedMillis) {
    }

    private final long idleMillis;
    private final Clock clock;
    private final Map<String, Session> sessions = new LinkedHashMap<>(16, 0.75f, true);

    public Sessions(long idleMillis, Clock clock) {
        this.idleMillis = idleMillis;
        this.clock = clock;
    }

    /** Starts a session for {@code user} and returns its token. */
    public synchronized String start(String user) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        sessions.put(token, new Session(user, clock.millis()));
        Iterator<String> oldest = sessions.keySet().iterator();
        while (sessions.size() > MAX_SESSIONS) {
            oldest.next();
            oldest.remove();
        }
        return token;
    }

    /** The user of a live session, which counts as a use. */
    public synchronized Optional<String> user(String token) {
        Session session = token == null ? null : sessions.get(token);
        long now = clock.millis();
        if (session == null) {
            return Optional.empty();
        }
        if (now - session.lastUsedMillis() > idleMillis) {
            sessions.remove(token);
            return Optional.empty();
        }
        sessions.put(token, new Session(session.user(), now));
        return Optional.of(session.user());
    }

    public synchronized void end(String token) {
        if (token != null) {
            sessions.remove(token);
        }
    }
}
