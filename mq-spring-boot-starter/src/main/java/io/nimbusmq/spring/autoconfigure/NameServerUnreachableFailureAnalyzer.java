package io.nimbusmq.spring.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a {@link NameServerUnreachableException}: which name servers were asked and what to check. */
class NameServerUnreachableFailureAnalyzer extends AbstractFailureAnalyzer<NameServerUnreachableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, NameServerUnreachableException cause) {
        return new FailureAnalysis("Nimbus MQ cannot reach its name server. " + cause.getMessage() + ".",
                "Check mq.name-server (host:port of the name server, 9876 by default; several as a:9876;b:9876), "
                        + "that the name server runs and that this machine may connect to it. To start anyway and "
                        + "retry in the background, remove mq.client.fail-fast=true (health then reports DOWN).",
                cause);
    }
}
