package io.nimbusmq.spring.actuate;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** {@link MqHealth} as a Spring Boot 4 health indicator ({@code org.springframework.boot.health.contributor}). */
public final class Boot4MqHealthIndicator implements HealthIndicator {

    private final MqHealth health;

    public Boot4MqHealthIndicator(MqHealth health) {
        this.health = health;
    }

    @Override
    public Health health() {
        MqHealth.Report report = health.check();
        return (report.up() ? Health.up() : Health.down()).withDetails(report.details()).build();
    }
}
