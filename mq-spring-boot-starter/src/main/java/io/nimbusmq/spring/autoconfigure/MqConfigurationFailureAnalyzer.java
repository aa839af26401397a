package io.nimbusmq.spring.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a {@link MqConfigurationException}: the setting, its value, why, and what to change. */
class MqConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<MqConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MqConfigurationException cause) {
        return new FailureAnalysis("Nimbus MQ cannot use " + cause.getMessage() + ".", cause.action(), cause);
    }
}
