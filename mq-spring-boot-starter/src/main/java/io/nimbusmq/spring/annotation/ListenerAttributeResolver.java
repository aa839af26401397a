package io.nimbusmq.spring.annotation;

import java.time.Duration;

import org.springframework.beans.factory.config.BeanExpressionContext;
import org.springframework.beans.factory.config.BeanExpressionResolver;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.convert.DurationStyle;

import io.nimbusmq.spring.listener.InvalidListenerSettingException;
import io.nimbusmq.spring.listener.ListenerSettings;
import io.nimbusmq.spring.listener.RetryDelays;

/**
 * Resolves {@link MessageListener} attributes as spring-kafka does: {@code ${...}} placeholders first, then a
 * {@code #{...}} expression, then the conversion to a number, a duration or a boolean; a value that does not convert
 * fails with an {@link InvalidListenerSettingException} that names the listener, the attribute and the value.
 */
final class ListenerAttributeResolver {

    private final ConfigurableBeanFactory beanFactory;
    private final BeanExpressionContext expressionContext;

    ListenerAttributeResolver(ConfigurableBeanFactory beanFactory) {
        this.beanFactory = beanFactory;
        this.expressionContext = new BeanExpressionContext(beanFactory, null);
    }

    /** The attribute as text, trimmed; empty when it resolves to nothing. */
    String text(String value) {
        Object resolved = resolve(value);
        return resolved == null ? "" : resolved.toString().trim();
    }

    /** The tuning attributes of one annotation; unset ones are null. */
    ListenerSettings settings(MessageListener annotation, String listener) {
        return ListenerSettings.builder()
                .consumeThreads(integer(annotation.consumeThreads(), listener, "consumeThreads"))
                .maxReconsumeTimes(integer(annotation.maxReconsumeTimes(), listener, "maxReconsumeTimes"))
                .batchSize(integer(annotation.batchSize(), listener, "batchSize"))
                .consumeTimeout(duration(annotation.consumeTimeout(), listener, "consumeTimeout"))
                .pullInterval(duration(annotation.pullInterval(), listener, "pullInterval"))
                .rateLimit(decimal(annotation.rateLimit(), listener, "rateLimit"))
                .pullThresholdForQueue(integer(annotation.pullThresholdForQueue(), listener,
                        "pullThresholdForQueue"))
                .pullThresholdSizeForQueueMib(integer(annotation.pullThresholdSizeForQueueMib(), listener,
                        "pullThresholdSizeForQueueMib"))
                .suspendTime(duration(annotation.suspendTime(), listener, "suspendTime"))
                .retryDelayLevels(RetryDelays.parse(text(annotation.retryDelays()), name(listener, "retryDelays")))
                .idleEventInterval(duration(annotation.idleEventInterval(), listener, "idleEventInterval"))
                .build()
                .validate(setting -> name(listener, setting));
    }

    boolean bool(String value, String listener, String attribute) {
        String text = text(value);
        if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
            throw new InvalidListenerSettingException(name(listener, attribute), text, "must be true or false");
        }
        return Boolean.parseBoolean(text);
    }

    private Integer integer(String value, String listener, String attribute) {
        String text = text(value);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            throw new InvalidListenerSettingException(name(listener, attribute), text, "not a whole number");
        }
    }

    private Double decimal(String value, String listener, String attribute) {
        String text = text(value);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Double.valueOf(text);
        } catch (NumberFormatException e) {
            throw new InvalidListenerSettingException(name(listener, attribute), text, "not a number");
        }
    }

    private Duration duration(String value, String listener, String attribute) {
        String text = text(value);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return DurationStyle.detectAndParse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidListenerSettingException(name(listener, attribute), text,
                    "not a duration (such as 500ms, 30s, 5m or PT30S)");
        }
    }

    private Object resolve(String value) {
        String placeholdersResolved = beanFactory.resolveEmbeddedValue(value);
        BeanExpressionResolver expressions = beanFactory.getBeanExpressionResolver();
        if (placeholdersResolved == null || expressions == null) {
            return placeholdersResolved;
        }
        return expressions.evaluate(placeholdersResolved, expressionContext);
    }

    static String name(String listener, String attribute) {
        return "@MessageListener(" + attribute + ") of " + listener;
    }
}
