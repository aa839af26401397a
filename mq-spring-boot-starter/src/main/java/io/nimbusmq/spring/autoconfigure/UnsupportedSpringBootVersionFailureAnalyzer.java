package io.nimbusmq.spring.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains an {@link UnsupportedSpringBootVersionException}: which versions the starter supports. */
class UnsupportedSpringBootVersionFailureAnalyzer
        extends AbstractFailureAnalyzer<UnsupportedSpringBootVersionException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnsupportedSpringBootVersionException cause) {
        return new FailureAnalysis(cause.getMessage() + ".",
                "Upgrade the application to " + SpringBootVersions.SUPPORTED + " (spring-boot-starter-parent or the "
                        + "spring-boot-dependencies BOM 3.5.x or 4.x). Spring Boot 3.5 applications use Jackson 2, "
                        + "Spring Boot 4 applications Jackson 3; the starter follows the application's JSON mapper.",
                cause);
    }
}
