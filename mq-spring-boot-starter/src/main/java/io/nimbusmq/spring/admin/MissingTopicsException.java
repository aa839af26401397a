package io.nimbusmq.spring.admin;

/** Declared topics are missing and {@code mq.admin.fail-fast=true}; the report says which and why. */
public class MissingTopicsException extends IllegalStateException {

    private final TopicDeclarationReport report;

    public MissingTopicsException(TopicDeclarationReport report) {
        super("Declared topics are missing: " + report.with(TopicDeclarationReport.Outcome.MISSING).stream()
                .map(outcome -> outcome.topic().name() + " (" + outcome.detail() + ")").toList());
        this.report = report;
    }

    public TopicDeclarationReport report() {
        return report;
    }
}
