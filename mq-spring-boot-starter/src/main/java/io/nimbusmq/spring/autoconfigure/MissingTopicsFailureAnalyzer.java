package io.nimbusmq.spring.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import io.nimbusmq.spring.admin.MissingTopicsException;

/** Explains a {@link MissingTopicsException}: which declared topics are missing, and how to create them. */
class MissingTopicsFailureAnalyzer extends AbstractFailureAnalyzer<MissingTopicsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingTopicsException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Create the topics (the report gives the mqadmin command), give the application an access key "
                        + "allowed to create them (mq.producer.access-key on brokers with ACL), or set "
                        + "mq.admin.fail-fast=false to start anyway.", cause);
    }
}
