package io.nimbusmq.spring.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import io.nimbusmq.spring.listener.ConsumerGroupConflictException;

/** Explains a {@link ConsumerGroupConflictException} in Spring Boot's start-up failure report. */
class ConsumerGroupConflictFailureAnalyzer extends AbstractFailureAnalyzer<ConsumerGroupConflictException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ConsumerGroupConflictException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set a distinct consumerGroup on each @MessageListener (or merge the listeners), e.g. "
                        + "@MessageListener(topic = \"...\", consumerGroup = \"" + cause.group() + "-2\").",
                cause);
    }
}
