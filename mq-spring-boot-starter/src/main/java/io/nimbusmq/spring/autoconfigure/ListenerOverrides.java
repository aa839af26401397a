package io.nimbusmq.spring.autoconfigure;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

import io.nimbusmq.client.consumer.SelectorType;
import io.nimbusmq.client.consumer.Subscription;
import io.nimbusmq.spring.listener.InvalidListenerSettingException;
import io.nimbusmq.spring.listener.ListenerSettings;
import io.nimbusmq.spring.listener.MessageListenerEndpoint;
import io.nimbusmq.spring.listener.RetryDelays;

/**
 * Applies {@code mq.listeners.<group>.*} to the listener of that group as it registers: every set property replaces
 * the annotation's attribute. The selector of a listener with several topics cannot be overridden (which topic's?).
 */
final class ListenerOverrides implements UnaryOperator<MessageListenerEndpoint> {

    private final Map<String, MqProperties.ListenerOverride> overrides;

    ListenerOverrides(Map<String, MqProperties.ListenerOverride> overrides) {
        this.overrides = overrides;
    }

    @Override
    public MessageListenerEndpoint apply(MessageListenerEndpoint endpoint) {
        MqProperties.ListenerOverride override = overrides.get(endpoint.group());
        if (override == null) {
            return endpoint;
        }
        String prefix = "mq.listeners." + endpoint.group() + ".";
        ListenerSettings settings = settings(override, prefix).validate(setting -> prefix + kebab(setting))
                .orElse(endpoint.settings());
        return new MessageListenerEndpoint(endpoint.id(), subscriptions(endpoint, override, prefix),
                endpoint.group(), first(override.getMessageModel(), endpoint.messageModel()),
                first(override.getConsumeMode(), endpoint.consumeMode()), endpoint.batch(), settings, endpoint.bean(),
                endpoint.method(), first(override.getErrorHandler(), endpoint.errorHandler()),
                first(override.getAutoStartup(), endpoint.autoStartup()),
                first(override.getContainerFactory(), endpoint.containerFactory()));
    }

    private static ListenerSettings settings(MqProperties.ListenerOverride override, String prefix) {
        return ListenerSettings.builder()
                .consumeThreads(override.getConsumeThreads())
                .maxReconsumeTimes(override.getMaxReconsumeTimes())
                .batchSize(override.getBatchSize())
                .consumeTimeout(override.getConsumeTimeout())
                .pullInterval(override.getPullInterval())
                .rateLimit(override.getRateLimit())
                .pullThresholdForQueue(override.getPullThresholdForQueue())
                .pullThresholdSizeForQueueMib(override.getPullThresholdSizeForQueueMib())
                .suspendTime(override.getSuspendTime())
                .retryDelayLevels(RetryDelays.parse(override.getRetryDelays(), prefix + "retry-delays"))
                .idleEventInterval(override.getIdleEventInterval())
                .build();
    }

    private static List<Subscription> subscriptions(MessageListenerEndpoint endpoint,
            MqProperties.ListenerOverride override, String prefix) {
        if (override.getSelectorType() == null && override.getSelectorExpression() == null) {
            return endpoint.subscriptions();
        }
        if (endpoint.subscriptions().size() > 1) {
            throw new InvalidListenerSettingException(prefix + "selector-expression",
                    String.valueOf(override.getSelectorExpression()), "listener " + endpoint.id()
                            + " consumes several topics, each with its own selector in its annotation");
        }
        Subscription current = endpoint.subscription();
        SelectorType type = first(override.getSelectorType(), current.type());
        String expression = override.getSelectorExpression() != null ? override.getSelectorExpression()
                : type == current.type() ? current.expression() : null;
        return List.of(new Subscription(current.topic(), type, expression));
    }

    /** {@code consumeThreads} as written in properties: {@code consume-threads}. */
    static String kebab(String setting) {
        return setting.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static <T> T first(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
