package io.nimbusmq.spring.autoconfigure;

import org.springframework.boot.SpringBootVersion;

/**
 * The Spring Boot versions the starter runs on: 3.5.x (Spring Framework 6.2, Jackson 2) and 4.x (Spring Framework 7,
 * Jackson 3). Checked when the auto-configuration starts, so that an older application fails with
 * {@link UnsupportedSpringBootVersionException} (explained by its failure analyzer) rather than with a bean clash or
 * a missing class further on.
 */
final class SpringBootVersions {

    static final String SUPPORTED = "Spring Boot 3.5.x and 4.0.x/4.1.x";

    private SpringBootVersions() {
    }

    /** @throws UnsupportedSpringBootVersionException when the running Spring Boot is older than 3.5 */
    static void check() {
        check(SpringBootVersion.getVersion());
    }

    /** {@code version} as reported by Spring Boot's jar, or null when unknown (then nothing is checked). */
    static void check(String version) {
        if (version != null && !isSupported(version)) {
            throw new UnsupportedSpringBootVersionException(version);
        }
    }

    static boolean isSupported(String version) {
        String[] parts = version.split("[.-]");
        try {
            int major = Integer.parseInt(parts[0]);
            int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            return major > 3 || major == 3 && minor >= 5;
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
