package io.nimbusmq.spring.autoconfigure;

import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * {@link MqConnectionDetails} from {@code mq.name-server}; without it, a {@link NoNameServerException} that says
 * whether the embedded broker is missing from the classpath or switched off.
 */
class PropertiesMqConnectionDetails implements MqConnectionDetails {

    static final String EMBEDDED_BROKER_CLASS = "io.nimbusmq.broker.EmbeddedBroker";

    private final MqProperties properties;
    private final ClassLoader classLoader;

    /** @param classLoader the application's, where the embedded broker would be found */
    PropertiesMqConnectionDetails(MqProperties properties, ClassLoader classLoader) {
        this.properties = properties;
        this.classLoader = classLoader;
    }

    @Override
    public String nameServer() {
        String nameServer = properties.getNameServer();
        if (!StringUtils.hasText(nameServer)) {
            throw new NoNameServerException(ClassUtils.isPresent(EMBEDDED_BROKER_CLASS, classLoader));
        }
        return nameServer;
    }
}
