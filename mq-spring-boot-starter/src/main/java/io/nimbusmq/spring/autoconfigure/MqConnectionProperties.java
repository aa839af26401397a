package io.nimbusmq.spring.autoconfigure;

/**
 * A named connection, {@code mq.connections.<name>.*}: another cluster (or the same one in another namespace or with
 * other credentials). It gets a client of its own, a template bean qualified by its name, and the listeners that name
 * it ({@code @MessageListener(connection = "<name>")}); client timings are those of {@code mq.client.*}.
 */
public class MqConnectionProperties implements MqProperties.Credentials {

    /** Name server addresses of the connection, "host:port" separated by ";". Required. */
    private String nameServer;

    /** Access key signing every request of the connection; unset for unsigned requests. */
    private String accessKey;

    /** Secret key of the connection's access key. Never logged. */
    private String secretKey;

    /** RocketMQ namespace of the connection's topics and groups (ns%name on the wire); unset for none. */
    private String namespace;

    /** TLS of the connection, as mq.tls.*. */
    private final MqProperties.Tls tls = new MqProperties.Tls();

    public String getNameServer() {
        return nameServer;
    }

    public void setNameServer(String nameServer) {
        this.nameServer = nameServer;
    }

    @Override
    public String getAccessKey() {
        return accessKey;
    }

    public void setAccessKey(String accessKey) {
        this.accessKey = accessKey;
    }

    @Override
    public String getSecretKey() {
        return secretKey;
    }

    public void setSecretKey(String secretKey) {
        this.secretKey = secretKey;
    }

    public String getNamespace() {
        return namespace;
    }

    public void setNamespace(String namespace) {
        this.namespace = namespace;
    }

    public MqProperties.Tls getTls() {
        return tls;
    }
}
