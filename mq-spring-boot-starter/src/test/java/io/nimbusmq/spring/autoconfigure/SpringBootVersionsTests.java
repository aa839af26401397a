package io.nimbusmq.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

class SpringBootVersionsTests {

    @Test
    void acceptsBoot35AndEvery4x() {
        assertThat(SpringBootVersions.isSupported("3.5.0")).isTrue();
        assertThat(SpringBootVersions.isSupported("3.5.7")).isTrue();
        assertThat(SpringBootVersions.isSupported("4.0.0-RC1")).isTrue();
        assertThat(SpringBootVersions.isSupported("4.1.1")).isTrue();
        SpringBootVersions.check(null);
    }

    @Test
    void refusesOlderBootsWithAnAnalysisNamingTheSupportedVersions() {
        assertThat(SpringBootVersions.isSupported("3.4.9")).isFalse();
        assertThat(SpringBootVersions.isSupported("2.7.18")).isFalse();
        assertThatThrownBy(() -> SpringBootVersions.check("3.4.9"))
                .isInstanceOfSatisfying(UnsupportedSpringBootVersionException.class, e -> {
                    FailureAnalysis analysis = new UnsupportedSpringBootVersionFailureAnalyzer().analyze(e);
                    assertThat(analysis.getDescription()).contains("runs Spring Boot 3.4.9")
                            .contains("Spring Boot 3.5.x and 4.0.x/4.1.x");
                    assertThat(analysis.getAction()).contains("Upgrade the application to Spring Boot 3.5.x");
                });
    }
}
