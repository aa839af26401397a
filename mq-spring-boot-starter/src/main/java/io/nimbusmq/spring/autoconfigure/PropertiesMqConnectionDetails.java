package io.nimbusmq.spring.autoconfigure;

import org.springframework.util.StringUtils;

/** {@link MqConnectionDetails} from {@code mq.name-server}. */
class PropertiesMqConnectionDetails implements MqConnectionDetails {

    private final MqProperties properties;

    PropertiesMqConnectionDetails(MqProperties properties) {
        this.properties = properties;
    }

    @Override
    public String nameServer() {
        String nameServer = properties.getNameServer();
        if (!StringUtils.hasText(nameServer)) {
            throw new IllegalStateException("mq.name-server is not set and the embedded broker is disabled "
                    + "(mq.embedded.enabled=false): set mq.name-server=host:9876, or remove mq.embedded.enabled to "
                    + "run an embedded development broker");
        }
        return nameServer;
    }
}
