package io.nimbusmq.benchmark.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A generated section of a markdown file between {@code <!-- name:start -->} and {@code <!-- name:end -->}: rewritten
 * in place on every run, appended at the end the first time; everything outside the markers is left alone.
 */
public record MarkdownSection(String name) {

    public String startMarker() {
        return "<!-- " + name + ":start -->";
    }

    public String endMarker() {
        return "<!-- " + name + ":end -->";
    }

    /** {@code body} wrapped in the markers. */
    public String wrap(String body) {
        return startMarker() + "\n" + (body.endsWith("\n") ? body : body + "\n") + endMarker() + "\n";
    }

    /** {@code content} with this section replaced by {@code body} (or appended if absent). */
    public String replaceIn(String content, String body) {
        String section = wrap(body);
        int start = content.indexOf(startMarker());
        int end = content.indexOf(endMarker(), Math.max(start, 0));
        if (start >= 0 && end > start) {
            int afterEnd = end + endMarker().length();
            if (afterEnd < content.length() && content.charAt(afterEnd) == '\n') {
                afterEnd++;
            }
            return content.substring(0, start) + section + content.substring(afterEnd);
        }
        String separator = content.isEmpty() || content.endsWith("\n\n") ? "" : content.endsWith("\n") ? "\n" : "\n\n";
        return content + separator + section;
    }

    public void writeTo(Path file, String body) throws IOException {
        String content = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "# Benchmarks\n";
        Files.writeString(file, replaceIn(content, body), StandardCharsets.UTF_8);
    }
}
