package io.nimbusmq.broker.console.api;

import java.time.Clock;

import io.nimbusmq.broker.console.ConsoleData;
import io.nimbusmq.broker.console.auth.AdminUsers;
import io.nimbusmq.broker.console.auth.ConsoleGuard;
import io.nimbusmq.broker.console.auth.Sessions;
import io.nimbusmq.broker.http.Response;
import io.nimbusmq.broker.http.Router;
import io.nimbusmq.broker.http.StaticFiles;

/**
 * Every route of the console: the page and its files, the JSON API of each page, login; behind a
 * {@link ConsoleGuard}.
 *
 * <pre>
 * GET /                      the page (index.html with prefetch.js inlined, see ConsolePage); pages are
 *                            #/overview, #/topics, #/groups, #/messages, #/dead-letters, #/pending
 * GET /assets/{file}         its scripts and styles (io/nimbusmq/console/ in the jar)
 * GET /vendor/{file}         uPlot, the chart library, from its WebJar
 * GET /assets/{version}/{file}, /vendor/{version}/{file}
 *                            the same, as the page links them: cached for good by browsers when {version} is this
 *                            run's (StaticFiles.VERSION)
 * GET /api/overview          broker, version, uptime, disk, rates, busiest and most lagging topics and groups
 * GET /api/traffic           messages in and out per second over the last minutes
 * </pre>
 * and the routes of {@link SessionRoutes}, {@link TopicRoutes}, {@link GroupRoutes}, {@link MessageRoutes} and
 * {@link PendingRoutes}.
 */
public final class ConsoleRoutes {

    /** The console's files in the jar. */
    public static final String ASSETS = "io/nimbusmq/console/";
    /** uPlot's files in its WebJar (org.webjars.npm:uplot). */
    public static final String UPLOT = "META-INF/resources/webjars/uplot/1.6.30/dist/";

    private ConsoleRoutes() {
    }

    /**
     * @param users the admin users who may log in, or null when no login is required
     * @param sessions the logged-in users, or null when no login is required
     * @param secureCookie whether the session cookie is sent over HTTPS only
     */
    public static Router router(ConsoleData data, AdminUsers users, Sessions sessions, boolean secureCookie) {
        Router router = new Router().filter(new ConsoleGuard(sessions));
        StaticFiles assets = new StaticFiles(ASSETS);
        StaticFiles uplot = new StaticFiles(UPLOT);
        Response page = ConsolePage.build(assets);
        router.open("GET", "/", request -> page)
                .open("GET", "/assets/{file}", assets)
                .open("GET", "/vendor/{file}", uplot)
                .open("GET", "/assets/{version}/{file}", assets.versioned())
                .open("GET", "/vendor/{version}/{file}", uplot.versioned());
        SessionRoutes.register(router, users, sessions, secureCookie, Clock.systemUTC());
        router.get("/api/overview", Guarded.guarded(request -> Response.json(data.overview())))
                .get("/api/traffic", Guarded.guarded(request -> Response.json(data.traffic())));
        TopicRoutes.register(router, data);
        GroupRoutes.register(router, data);
        MessageRoutes.register(router, data);
        PendingRoutes.register(router, data);
        return router;
    }
}
