package io.nimbusmq.broker.console.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;

import io.nimbusmq.broker.http.Response;
import io.nimbusmq.broker.http.StaticFiles;
import io.nimbusmq.broker.http.WebServer;

/**
 * The console's page, built once when the console starts: {@code index.html} with its files linked under this run's
 * version ({@link StaticFiles#VERSION}: browsers keep them) and {@code prefetch.js} inlined as its first script, so
 * that the opening page's API calls start as the page is read, before any script file is fetched, even from the
 * browser's cache.
 *
 * <p>The console's Content-Security-Policy allows only its own files ({@code script-src 'self'}); the page's answer
 * carries the same policy with exactly one more script source: the SHA-256 of the inlined script's bytes
 * ({@code 'sha256-<base64>'}, CSP level 2), never {@code 'unsafe-inline'}. Any other inline script, or this one
 * changed, is refused by the browser. {@link io.nimbusmq.broker.http.WebServer} sets its policy on every answer and
 * then the answer's own headers, so this one replaces it for the page only.
 */
final class ConsolePage {

    /** Where index.html loads prefetch.js; the tag is replaced by the inlined script. */
    static final String PREFETCH_TAG = "<script src=\"/assets/prefetch.js\"></script>";
    /** The directive of {@link WebServer#CONTENT_SECURITY_POLICY} that gains the inlined script's hash. */
    private static final String SCRIPT_SOURCES = "script-src 'self'";

    private ConsolePage() {
    }

    /** The page's answer (ETag, {@code no-cache}, its policy) from the console's files. */
    static Response build(StaticFiles assets) {
        try {
            String script = new String(assets.file("prefetch.js").body(), StandardCharsets.UTF_8);
            if (script.toLowerCase(Locale.ROOT).contains("</script") || script.contains("<!--")) {
                throw new IllegalStateException("prefetch.js cannot be inlined: it contains </script or <!--");
            }
            Response page = assets.rewritten("index.html", html -> inline(html, script));
            return page.withHeader("Content-Security-Policy", policy(script));
        } catch (IOException e) {
            throw new UncheckedIOException("the console's page is missing from the jar", e);
        }
    }

    /** The policy of a page whose only inline script is {@code script}. */
    private static String policy(String script) {
        String policy = WebServer.CONTENT_SECURITY_POLICY;
        if (!policy.contains(SCRIPT_SOURCES + ";")) {
            throw new IllegalStateException("the console's policy has no " + SCRIPT_SOURCES + " directive: " + policy);
        }
        String hash = "'sha256-" + Base64.getEncoder().encodeToString(sha256(script)) + "'";
        return policy.replace(SCRIPT_SOURCES + ";", SCRIPT_SOURCES + " " + hash + ";");
    }

    /** The page with its files versioned and the script in place of {@link #PREFETCH_TAG} (as it is). */
    private static String inline(String html, String script) {
        int at = html.indexOf(PREFETCH_TAG);
        if (at < 0) {
            throw new IllegalStateException("index.html does not load prefetch.js with " + PREFETCH_TAG);
        }
        return versioned(html.substring(0, at)) + "<script>" + script + "</script>"
                + versioned(html.substring(at + PREFETCH_TAG.length()));
    }

    /** The page links its files under this run's version, which browsers may cache for good. */
    private static String versioned(String page) {
        return page.replace("\"/assets/", "\"/assets/" + StaticFiles.VERSION + "/")
                .replace("\"/vendor/", "\"/vendor/" + StaticFiles.VERSION + "/");
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
