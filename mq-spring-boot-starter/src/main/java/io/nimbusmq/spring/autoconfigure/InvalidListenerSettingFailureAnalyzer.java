package io.nimbusmq.spring.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import io.nimbusmq.spring.listener.InvalidListenerSettingException;

/** Explains an {@link InvalidListenerSettingException}: which setting, which value, and what it must be. */
public class InvalidListenerSettingFailureAnalyzer extends AbstractFailureAnalyzer<InvalidListenerSettingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidListenerSettingException cause) {
        return new FailureAnalysis("A listener setting has a value that cannot be used: " + cause.getMessage(),
                "Fix " + cause.getSetting() + ". Numbers are written as strings in @MessageListener "
                        + "(consumeThreads = \"4\", or a ${...} placeholder or #{...} expression that gives one), "
                        + "durations as 500ms, 30s, 5m or PT30S, retry delays as delay levels 1..18 or durations "
                        + "up to 2h; mq.listeners.<group>.* properties override the annotation.",
                cause);
    }
}
