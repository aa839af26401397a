package io.nimbusmq.spring.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.StringUtils;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.nimbusmq.client.ClientConfig;
import io.nimbusmq.client.Connectivity;
import io.nimbusmq.client.MqClient;
import io.nimbusmq.remoting.acl.SessionCredentials;
import io.nimbusmq.remoting.tls.TlsClientConfig;
import io.nimbusmq.spring.metrics.MicrometerMqMetrics;
import io.nimbusmq.spring.metrics.MicrometerMqObservations;
import io.nimbusmq.spring.metrics.MqMetrics;
import io.nimbusmq.spring.metrics.MqObservations;
import io.nimbusmq.spring.support.MqMessageConverter;
import io.nimbusmq.spring.support.MqMessageConverters;

/** The client, payload conversion with the application's JSON mapper, and metrics. */
@Configuration(proxyBeanMethods = false)
class MqClientConfiguration {

    static String applicationName(Environment environment) {
        return environment.getProperty("spring.application.name", "nimbus");
    }

    @Bean
    @ConditionalOnMissingBean(MqConnectionDetails.class)
    PropertiesMqConnectionDetails mqConnectionDetails(MqProperties properties, ResourceLoader resourceLoader) {
        return new PropertiesMqConnectionDetails(properties, resourceLoader.getClassLoader());
    }

    /**
     * The settings of the {@link MqClient} bean: mq.client.*, mq.access-key, mq.tls.*, mq.namespace, then the
     * customizers.
     */
    @Bean
    @ConditionalOnMissingBean({ClientConfig.class, MqClient.class})
    ClientConfig mqClientConfig(MqProperties properties, MqConnectionDetails connectionDetails,
            ObjectProvider<ClientConfigCustomizer> customizers, Environment environment) {
        MqProperties.Client client = properties.getClient();
        ClientConfig.Builder builder = ClientConfig.builder().nameServer(connectionDetails.nameServer())
                .instanceName(client.getInstanceName() != null ? client.getInstanceName()
                        : ClientInstanceNames.next(applicationName(environment)))
                .requestTimeout(client.getRequestTimeout())
                .heartbeatInterval(client.getHeartbeatInterval())
                .routeRefreshInterval(client.getRouteRefreshInterval())
                .credentials(SessionCredentials.ofNullable(properties.getAccessKey(), properties.getSecretKey()))
                .tls(tls(properties.getTls()))
                .namespace(namespace("mq.namespace", properties.getNamespace()));
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        if (properties.getAccessChannel() == AccessChannel.CLOUD) {
            org.slf4j.LoggerFactory.getLogger(MqClientConfiguration.class).info("mq.access-channel=CLOUD changes "
                    + "nothing: in RocketMQ it only redirects message traces, which Nimbus MQ does not send");
        }
        return builder.build();
    }

    /** {@code value}, checked as a RocketMQ namespace: a bad one fails the start naming {@code setting}. */
    static String namespace(String setting, String value) {
        if (!io.nimbusmq.message.Namespaces.isValid(value)) {
            throw new MqConfigurationException(setting, value, "a namespace may only hold letters, digits, '_' and "
                    + "'-' (RocketMQ puts it in front of topic and group names, separated by '%')",
                    "Change " + setting + " to a name such as 'tenant-a', or remove it for no namespace.");
        }
        return value;
    }

    /**
     * The clients of the named connections, {@code mq.connections.<name>.*}, with the default client's timings and
     * the instance name {@code <default instance name>-<name>}.
     */
    static Map<String, ClientConfig> connectionConfigs(MqProperties properties, ClientConfig primary,
            String instanceName) {
        Map<String, ClientConfig> configs = new LinkedHashMap<>();
        properties.getConnections().forEach((name, connection) -> {
            String prefix = "mq.connections." + name;
            if (!StringUtils.hasText(connection.getNameServer())) {
                throw new MqConfigurationException(prefix + ".name-server", String.valueOf(connection.getNameServer()),
                        "a connection needs its name servers", "Set " + prefix + ".name-server=<host:port>.");
            }
            MqProperties.Client client = properties.getClient();
            configs.put(name, ClientConfig.builder().nameServer(connection.getNameServer())
                    .instanceName(instanceName + "-" + name)
                    .clientIp(primary != null ? primary.clientIp() : null)
                    .requestTimeout(client.getRequestTimeout())
                    .heartbeatInterval(client.getHeartbeatInterval())
                    .routeRefreshInterval(client.getRouteRefreshInterval())
                    .credentials(SessionCredentials.ofNullable(connection.getAccessKey(), connection.getSecretKey()))
                    .tls(tls(connection.getTls()))
                    .namespace(namespace(prefix + ".namespace", connection.getNamespace()))
                    .build());
        });
        return configs;
    }

    /** With {@code mq.client.fail-fast=true}, the start fails here when no name server answers. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    MqClient mqClient(ClientConfig mqClientConfig, MqProperties properties) {
        MqClient client = MqClient.create(mqClientConfig);
        if (properties.getClient().isFailFast()) {
            Connectivity connectivity = client.probeNameServers(mqClientConfig.requestTimeout());
            if (!connectivity.anyNameServerUp()) {
                client.close();
                throw new NameServerUnreachableException(connectivity, mqClientConfig.requestTimeout());
            }
        }
        return client;
    }

    @Bean
    MqClients mqClients(MqClient client, ObjectProvider<ClientConfig> config, MqProperties properties,
            Environment environment) {
        ClientConfig primary = config.getIfUnique();
        String configured = properties.getClient().getInstanceName();
        String instanceName = primary != null ? primary.instanceName()
                : configured != null ? configured : applicationName(environment);
        return new MqClients(client, primary, connectionConfigs(properties, primary, instanceName));
    }

    private static TlsClientConfig tls(MqProperties.Tls tls) {
        if (!tls.isEnabled()) {
            return TlsClientConfig.disabled();
        }
        return new TlsClientConfig(true, tls.getTrustCertificates(), tls.isVerifyServer(), tls.getCertificate(),
                tls.getPrivateKey(), tls.getPrivateKeyPassword());
    }

    /**
     * The application's JSON mapper (Boot's auto-configured one, with its modules and settings): Jackson 3 on Boot 4,
     * Jackson 2 on Boot 3.5 ({@link JsonConverterChoice}).
     */
    @Bean
    @ConditionalOnMissingBean
    MqMessageConverter mqMessageConverter(ListableBeanFactory beanFactory, ResourceLoader resourceLoader,
            MqProperties properties) {
        return new MqMessageConverter(MqMessageConverters.withJson(JsonConverterChoice.choose(beanFactory,
                resourceLoader.getClassLoader(), properties.getConsumer().isStrictJson())));
    }

    @Bean
    @ConditionalOnMissingBean
    MqMetrics mqMetrics() {
        return MqMetrics.NONE;
    }

    @Bean
    @ConditionalOnMissingBean
    MqObservations mqObservations() {
        return MqObservations.NONE;
    }

    /** Sends and listener calls observed with the application's ObservationRegistry (mq.observation.enabled). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ObservationRegistry.class)
    @ConditionalOnProperty(name = "mq.observation.enabled", matchIfMissing = true)
    static class ObservationConfiguration {

        @Bean
        @ConditionalOnMissingBean
        MqObservations mqObservations(ObjectProvider<ObservationRegistry> registry) {
            ObservationRegistry observations = registry.getIfUnique();
            return observations != null && !observations.isNoop() ? new MicrometerMqObservations(observations)
                    : MqObservations.NONE;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    static class MicrometerConfiguration {

        @Bean
        @ConditionalOnMissingBean
        MqMetrics mqMetrics(ObjectProvider<MeterRegistry> registry) {
            MeterRegistry meterRegistry = registry.getIfUnique();
            return meterRegistry != null ? new MicrometerMqMetrics(meterRegistry) : MqMetrics.NONE;
        }
    }
}
