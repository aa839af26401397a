package io.nimbusmq.spring.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** {@code mq.embedded.enabled=true}, or no {@code mq.name-server} and {@code mq.embedded.enabled} not false. */
class EmbeddedBrokerCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Environment environment = context.getEnvironment();
        Boolean enabled = environment.getProperty("mq.embedded.enabled", Boolean.class);
        if (enabled != null) {
            return enabled ? ConditionOutcome.match("mq.embedded.enabled is true")
                    : ConditionOutcome.noMatch("mq.embedded.enabled is false");
        }
        if (StringUtils.hasText(environment.getProperty("mq.name-server"))) {
            return ConditionOutcome.noMatch("mq.name-server is set");
        }
        return ConditionOutcome.match("mq.name-server is not set");
    }
}
