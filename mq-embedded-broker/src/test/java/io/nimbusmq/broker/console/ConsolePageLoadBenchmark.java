package io.nimbusmq.broker.console;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import io.nimbusmq.broker.EmbeddedBroker;
import io.nimbusmq.remoting.protocol.body.TopicConfig;
import io.nimbusmq.remoting.protocol.body.admin.SubscriptionGroupConfig;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * How long the console's pages take to load on a broker with {@code benchmark.topics} topics (default 1,000, 4
 * queues and 5 messages each) and {@code benchmark.groups} consumer groups (default 200, each in the
 * subscription-group table with offsets on 5 topics), against the target of 200 ms:
 *
 * <ul>
 * <li><b>API</b>: the JSON calls a page makes when it opens, one after the other from this JVM over loopback HTTP
 * (what the broker spends; the page makes the overview's two calls in parallel).</li>
 * <li><b>Chromium</b>: a real headless Chromium (Debian's, through chromedriver) opens the page's URL (waiting,
 * polled over WebDriver, until its content is in the page: the topic table's first {@value #PAGE_ROWS} rows, the
 * group table's, the charts, ...); the figure is the page's own {@code console-page-shown} performance mark, from
 * the navigation's start, so WebDriver's overhead is not in it. The page sets the mark once its content is laid out
 * and painted (in a task queued from the next animation frame's callback, which runs after that frame's style,
 * layout and paint). The static files are in the browser's cache after the first load, as they are for a
 * user.</li>
 * </ul>
 *
 * <p>Run: {@code mvn -B -pl mq-embedded-broker -am -Pconsole-benchmark verify -DskipTests} (a few minutes);
 * writes its section of BENCHMARKS.md. Options: {@code -Dbenchmark.topics}, {@code -Dbenchmark.groups},
 * {@code -Dbenchmark.loads} (measured loads per page, default 20), {@code -Dbenchmark.details=true} (prints each
 * page's resource timings and each of its measured loads in order).
 */
public final class ConsolePageLoadBenchmark {

    private static final String START = "<!-- console-page-load:start -->";
    private static final String END = "<!-- console-page-load:end -->";
    private static final int WARM_UP = 5;
    /** The rows the topic and group lists show at a time (pagedTable in the console's ui.js). */
    private static final int PAGE_ROWS = 100;
    /**
     * With {@code -Dbenchmark.details=true}, printed for each page's last load: the navigation's phases, every
     * performance entry ([name, start, duration, bytes transferred: 0 from the cache]) and each long animation
     * frame with the scripts that ran in it, in ms from the navigation's start.
     */
    private static final String DETAILS = """
            const r = (x) => Math.round(x);
            const nav = performance.getEntriesByType('navigation')[0];
            return JSON.stringify({
              navigation: { requestStart: r(nav.requestStart), responseEnd: r(nav.responseEnd),
                domInteractive: r(nav.domInteractive), domContentLoaded: r(nav.domContentLoadedEventEnd),
                load: r(nav.loadEventEnd), bytes: nav.transferSize },
              entries: performance.getEntries().filter((e) => e.entryType !== 'navigation'
                  && e.entryType !== 'long-animation-frame')
                .map((e) => [e.name.replace(location.origin, ''), r(e.startTime), r(e.duration), e.transferSize]),
              longFrames: performance.getEntriesByType('long-animation-frame').map((f) => ({ start: r(f.startTime),
                duration: r(f.duration), styleAndLayoutStart: r(f.styleAndLayoutStart),
                scripts: f.scripts.map((s) => [s.invoker, r(s.startTime), r(s.duration)]) })),
            });
            """;

    /** A page: its route, the calls it makes when it opens, and the script that is true once it shows them. */
    private record Page(String name, String route, List<String> calls, String shown) {
    }

    private record Figures(double apiMedian, double apiP95, long bytes, double browserMedian, double browserP95) {
    }

    private ConsolePageLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int topics = Integer.getInteger("benchmark.topics", 1000);
        int groups = Integer.getInteger("benchmark.groups", 200);
        int loads = Integer.getInteger("benchmark.loads", 20);
        System.setProperty("rocketmq.client.logUseSlf4j", "true");
        Path dir = Files.createTempDirectory("console-benchmark-");
        EmbeddedBroker broker = EmbeddedBroker.builder().port(0).storeDir(dir)
                .console(ConsoleConfig.onLoopback()).build();
        broker.start();
        try {
            fill(broker, topics, groups);
            double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            String group = "bench-group-000";
            String topic = "bench-topic-0000";
            List<Page> pages = List.of(
                    new Page("Overview", "overview", List.of("/api/overview", "/api/traffic"),
                            "return !!document.querySelector('[data-testid=busiest-topics]')"
                                    + " && !!document.querySelector('#traffic-chart canvas')"),
                    new Page("Topics (" + topics + ")", "topics", List.of("/api/topics"),
                            rows("topics-table", Math.min(topics, PAGE_ROWS))),
                    new Page("Consumer groups (" + groups + ")", "groups", List.of("/api/groups"),
                            rows("groups-table", Math.min(groups, PAGE_ROWS))),
                    new Page("One topic", "topics/" + topic, List.of("/api/topics/" + topic),
                            rows("queues-table", 4)),
                    new Page("One group", "groups/" + group, List.of("/api/groups/" + group,
                            "/api/groups/" + group + "/lag"), rows("lag-table", 20)
                            + " && !!document.querySelector('#lag-chart canvas')"));
            List<Figures> figures = new ArrayList<>();
            try (ConsoleBrowser browser = new ConsoleBrowser()) {
                for (Page page : pages) {
                    figures.add(measure(broker.consoleUrl().orElseThrow(), page, browser, loads));
                }
            }
            double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            String table = table(pages, figures, loads) + String.format(Locale.ROOT,
                    "%nSystem load average (1 min) when the measurement started / ended: %.1f / %.1f.%n",
                    loadBefore, loadAfter);
            System.out.println(table);
            String report = System.getProperty("benchmark.report");
            if (report != null) {
                writeSection(Path.of(report), table, topics, groups);
            }
        } finally {
            broker.close();
            delete(dir);
        }
    }

    private static String rows(String testid, int atLeast) {
        return "return document.querySelectorAll('[data-testid=" + testid + "] tbody tr').length >= " + atLeast;
    }

    /**
     * Topics with 5 messages each (sent through the console's test-message call, the broker's send path: no client
     * route lookups to time out on a busy machine), groups with offsets on 5 topics.
     */
    private static void fill(EmbeddedBroker broker, int topics, int groups) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String base = broker.consoleUrl().orElseThrow();
        for (int t = 0; t < topics; t++) {
            String topic = String.format(Locale.ROOT, "bench-topic-%04d", t);
            broker.runtime().topics().createOrUpdate(TopicConfig.of(topic, 4));
            for (int m = 0; m < 5; m++) {
                HttpResponse<String> sent = http.send(HttpRequest.newBuilder(URI.create(base + "api/topics/" + topic
                        + "/messages")).header("X-Nimbus-Console", "1").header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"body\": \"{\\\"n\\\": " + m + "}\", "
                                + "\"tag\": \"TagA\", \"keys\": \"key-" + m + "\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (sent.statusCode() != 201) {
                    throw new IllegalStateException("test message refused: " + sent.body());
                }
            }
        }
        for (int g = 0; g < groups; g++) {
            String group = String.format(Locale.ROOT, "bench-group-%03d", g);
            broker.runtime().subscriptionGroups().createOrUpdate(SubscriptionGroupConfig.defaults(group));
            for (int k = 0; k < 5; k++) {
                String topic = String.format(Locale.ROOT, "bench-topic-%04d", (g * 5 + k) % topics);
                for (int queue = 0; queue < 4; queue++) {
                    broker.runtime().offsets().commit(group, topic, queue, 0);
                }
            }
        }
    }

    private static Figures measure(String base, Page page, ConsoleBrowser browser, int loads) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<Double> api = new ArrayList<>();
        long bytes = 0;
        for (int i = 0; i < WARM_UP + loads; i++) {
            long begin = System.nanoTime();
            long size = 0;
            for (String call : page.calls()) {
                HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(base + call.substring(1)))
                        .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(call + " answered " + response.statusCode());
                }
                size += response.body().length;
            }
            if (i >= WARM_UP) {
                api.add((System.nanoTime() - begin) / 1e6);
                bytes = size;
            }
        }
        List<Double> shown = new ArrayList<>();
        WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(30), Duration.ofMillis(5));
        for (int i = 0; i < WARM_UP + loads; i++) {
            browser.open("about:blank");
            browser.open(base + "#/" + page.route());
            // the mark follows the content by a frame: wait for both
            wait.until(driver -> Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(page.shown()
                    + " && performance.getEntriesByName('console-page-shown').length > 0")));
            if (i >= WARM_UP) {
                shown.add(((Number) ((JavascriptExecutor) browser.driver()).executeScript(
                        "return performance.getEntriesByName('console-page-shown')[0].startTime")).doubleValue());
            }
            if (i == WARM_UP + loads - 1 && Boolean.getBoolean("benchmark.details")) {
                System.out.println(page.name() + ": " + ((JavascriptExecutor) browser.driver()).executeScript(
                        DETAILS));
                System.out.println(page.name() + ", each load in order (ms): " + shown.stream()
                        .map(ms -> String.valueOf(Math.round(ms))).toList());
            }
        }
        return new Figures(percentile(api, 50), percentile(api, 95), bytes, percentile(shown, 50),
                percentile(shown, 95));
    }

    private static double percentile(List<Double> values, int percent) {
        List<Double> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static String table(List<Page> pages, List<Figures> figures, int loads) {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, """
                | Page | API calls on open | JSON | API, median / p95 of %d | In Chromium, median / p95 of %d |
                |---|---|---|---|---|
                """, loads, loads));
        for (int i = 0; i < pages.size(); i++) {
            Figures f = figures.get(i);
            table.append(String.format(Locale.ROOT, "| %s | %s | %.1f KiB | %.1f / %.1f ms | %.0f / %.0f ms |%n",
                    pages.get(i).name(), String.join(", ", pages.get(i).calls()).replace("bench-", "…"),
                    f.bytes() / 1024.0, f.apiMedian(), f.apiP95(), f.browserMedian(), f.browserP95()));
        }
        return table.toString();
    }

    private static void writeSection(Path report, String table, int topics, int groups) throws IOException {
        String section = START + "\n## Web console page load (`mq-embedded-broker`)\n\n"
                + "Measured " + LocalDate.now() + " on " + Runtime.getRuntime().availableProcessors() + " cores, "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", Java "
                + System.getProperty("java.version") + ", by `io.nimbusmq.broker.console.ConsolePageLoadBenchmark`. "
                + "Command: `mvn -B -pl mq-embedded-broker -am -Pconsole-benchmark verify -DskipTests`. An embedded "
                + "broker with " + topics + " topics (4 queues, 5 messages each) and " + groups + " consumer groups "
                + "(subscription-group table, offsets on 5 topics each). API: the page's JSON calls one after the "
                + "other over loopback HTTP. Chromium: headless Debian Chromium, from the navigation's start to the "
                + "page's `console-page-shown` mark (set once its data is laid out and painted; the topic and group "
                + "lists show " + PAGE_ROWS + " rows at a time), static files cached (they are linked under the "
                + "broker run's version and immutable). Target: under 200 ms.\n\n" + table + END;
        String content = Files.exists(report) ? Files.readString(report) : "# Benchmarks\n";
        int from = content.indexOf(START);
        int to = content.indexOf(END);
        content = from >= 0 && to > from
                ? content.substring(0, from) + section + content.substring(to + END.length())
                : content + "\n" + section + "\n";
        Files.writeString(report, content);
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
