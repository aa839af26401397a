package io.nimbusmq.spring.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import io.nimbusmq.spring.listener.InconsistentConsumerGroupException;

/** Explains an {@link InconsistentConsumerGroupException} in Spring Boot's start-up failure report. */
class InconsistentConsumerGroupFailureAnalyzer extends AbstractFailureAnalyzer<InconsistentConsumerGroupException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InconsistentConsumerGroupException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Give this listener its own consumerGroup (e.g. consumerGroup = \"" + cause.group() + "-v2\"), or stop "
                        + "the other members before starting one that subscribes differently. To start anyway (a "
                        + "rolling change of the subscription), set mq.consumer.check-group-consistency=false.",
                cause);
    }
}
