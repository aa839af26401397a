package io.nimbusmq.spring.actuate;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/** {@link MqHealth} as a Spring Boot 3.5 health indicator ({@code org.springframework.boot.actuate.health}). */
public final class Boot3MqHealthIndicator implements HealthIndicator {

    private final MqHealth health;

    public Boot3MqHealthIndicator(MqHealth health) {
        this.health = health;
    }

    @Override
    public Health health() {
        MqHealth.Report report = health.check();
        return (report.up() ? Health.up() : Health.down()).withDetails(report.details()).build();
    }
}
