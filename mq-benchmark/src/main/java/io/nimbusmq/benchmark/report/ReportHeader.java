package io.nimbusmq.benchmark.report;

import java.util.List;

/**
 * What the report says about how it was made.
 *
 * @param generatedAt  when the run started, e.g. {@code 2026-11-21 15:02 UTC}
 * @param quick        true for a quick iteration run (shorter periods, smaller backlog)
 * @param command      the command line that ran it
 * @param codeRevision the git commit, e.g. {@code commit `abc123` (clean)}
 * @param machine      the machine, with the load average at the start
 * @param loadAtEnd    the load average at the end
 * @param settings     one line per setting (brokers, JVMs, store, topics, client, scenarios)
 * @param problems     what went wrong in the run (a broker that did not start, a load generator that failed), or empty
 */
public record ReportHeader(String generatedAt, boolean quick, String command, String codeRevision, Machine machine,
        String loadAtEnd, List<String> settings, List<String> problems) {

    public ReportHeader {
        settings = List.copyOf(settings);
        problems = List.copyOf(problems);
    }
}
