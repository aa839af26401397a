package io.nimbusmq.spring.autoconfigure;

/** The application runs a Spring Boot older than the starter supports ({@link SpringBootVersions#SUPPORTED}). */
public class UnsupportedSpringBootVersionException extends IllegalStateException {

    private final String version;

    UnsupportedSpringBootVersionException(String version) {
        super("The Nimbus MQ starter runs on " + SpringBootVersions.SUPPORTED + "; this application runs Spring Boot "
                + version);
        this.version = version;
    }

    public String version() {
        return version;
    }
}
