package io.nimbusmq.spring.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.io.Resource;

import io.nimbusmq.broker.EmbeddedBroker;
import io.nimbusmq.broker.auth.acl2.AuthConfig;
import io.nimbusmq.broker.auth.plain.AclConfig;
import io.nimbusmq.broker.console.ConsoleConfig;
import io.nimbusmq.store.flush.FlushMode;

/**
 * An embedded broker (with its name server) inside the application when {@code mq.name-server} is not set, or when
 * {@code mq.embedded.enabled=true}: the application starts with zero set-up. Logged as a development broker. Access
 * control is off unless {@code mq.embedded.acl-file} (ACL 1.0) or {@code mq.embedded.authentication-enabled} /
 * {@code authorization-enabled} (ACL 2.0) turn it on. Its web console is on ({@code mq.embedded.console.*}: on
 * loopback, any free port, the URL logged); with access control on it asks for an admin user.
 */
@AutoConfiguration
@ConditionalOnClass(EmbeddedBroker.class)
@Conditional(EmbeddedBrokerCondition.class)
@EnableConfigurationProperties(MqProperties.class)
public class MqEmbeddedBrokerAutoConfiguration {

    public MqEmbeddedBrokerAutoConfiguration() {
        SpringBootVersions.check();
    }

    @Bean
    @ConditionalOnMissingBean
    DevBroker mqEmbeddedBroker(MqProperties properties, ObjectProvider<EmbeddedBrokerCustomizer> customizers) {
        MqProperties.Embedded embedded = properties.getEmbedded();
        EmbeddedBroker.Builder builder = EmbeddedBroker.builder().port(embedded.getPort())
                .bindHost(embedded.getBindHost()).flushMode(FlushMode.valueOf(embedded.getFlushMode().name()))
                .auth(new AuthConfig(embedded.isAuthenticationEnabled(), embedded.isAuthorizationEnabled(),
                        AuthConfig.parseInitUser(embedded.getInitAuthenticationUser())));
        if (embedded.getAclFile() != null) {
            builder.acl(AclConfig.plainAcl(aclFilePath(embedded.getAclFile())));
        }
        MqProperties.Embedded.Console console = embedded.getConsole();
        if (console.isEnabled()) {
            builder.console(ConsoleConfig.enabled(console.getBindHost(), console.getPort()));
        }
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return new DevBroker(builder, embedded.getStoreDir(), embedded.getTopics());
    }

    @Bean
    @ConditionalOnMissingBean(MqConnectionDetails.class)
    MqConnectionDetails mqEmbeddedConnectionDetails(DevBroker broker) {
        return broker::address;
    }

    /** A file on disk as it is (watched for changes); anything else (a classpath resource) copied to a temporary file. */
    private static Path aclFilePath(Resource resource) {
        try {
            if (resource.isFile()) {
                return resource.getFile().toPath();
            }
            Path copy = Files.createTempFile("nimbus-mq-plain_acl-", ".yml");
            copy.toFile().deleteOnExit();
            try (InputStream in = resource.getInputStream()) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("mq.embedded.acl-file: cannot read " + resource.getDescription(), e);
        }
    }
}
