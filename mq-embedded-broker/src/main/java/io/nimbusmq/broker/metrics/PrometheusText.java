package io.nimbusmq.broker.metrics;

import java.util.HashSet;
import java.util.Set;

/**
 * Writes Prometheus' text exposition format, version 0.0.4: per metric family a {@code # HELP} and a {@code # TYPE}
 * line, then its samples, {@code name{label="value",...} number}. Label values are escaped as the format requires
 * (backslash, double quote, line feed), so a topic or group name cannot break the output.
 */
final class PrometheusText {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final StringBuilder out = new StringBuilder(4096);
    private final Set<String> families = new HashSet<>();
    private final String[] commonLabels;

    /** @param commonLabels name, value, name, value... put first on every sample */
    PrometheusText(String... commonLabels) {
        if (commonLabels.length % 2 != 0) {
            throw new IllegalArgumentException("labels come in name/value pairs");
        }
        this.commonLabels = commonLabels.clone();
    }

    /** Starts a family; {@code type} is {@code counter} or {@code gauge}. Each family is written once. */
    PrometheusText family(String name, String type, String help) {
        if (!families.add(name)) {
            throw new IllegalStateException("metric family written twice: " + name);
        }
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        return this;
    }

    /** One sample of the current family, with the common labels and then {@code labels} (name/value pairs). */
    PrometheusText sample(String name, double value, String... labels) {
        out.append(name);
        if (commonLabels.length + labels.length > 0) {
            out.append('{');
            appendLabels(commonLabels, false);
            appendLabels(labels, commonLabels.length > 0);
            out.append('}');
        }
        out.append(' ').append(format(value)).append('\n');
        return this;
    }

    private void appendLabels(String[] labels, boolean comma) {
        for (int i = 0; i < labels.length; i += 2) {
            if (comma || i > 0) {
                out.append(',');
            }
            out.append(labels[i]).append("=\"");
            escape(labels[i + 1]);
            out.append('"');
        }
    }

    private void escape(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
    }

    private static String format(double value) {
        if (value == Math.rint(value) && !Double.isInfinite(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
