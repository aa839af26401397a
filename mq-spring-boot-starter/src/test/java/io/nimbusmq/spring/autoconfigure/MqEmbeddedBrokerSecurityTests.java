package io.nimbusmq.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.nimbusmq.broker.EmbeddedBroker;
import io.nimbusmq.broker.auth.acl2.AuthConfig;
import io.nimbusmq.remoting.acl.SessionCredentials;
import io.nimbusmq.spring.core.MqTemplate;

/** The development broker's access control, from mq.embedded.* properties; off unless asked for. */
class MqEmbeddedBrokerSecurityTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
                    MqEmbeddedBrokerAutoConfiguration.class, MqAutoConfiguration.class))
            .withPropertyValues("mq.embedded.topics=dev-orders,dev-payments");

    @Test
    void accessControlIsOffByDefault() {
        runner.run(context -> {
            EmbeddedBroker broker = context.getBean(DevBroker.class).broker();
            assertThat(broker.config().security().acl().enabled()).isFalse();
            assertThat(broker.config().security().auth()).isEqualTo(AuthConfig.disabled());
        });
    }

    @Test
    void anAclFileOnDiskIsUsedInPlaceAndTheApplicationSignsWithItsKeys(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("plain_acl.yml");
        Files.copy(Path.of(getClass().getResource("/acl/dev_plain_acl.yml").toURI()), file);

        runner.withPropertyValues("mq.embedded.acl-file=file:" + file, "mq.access-key=orders-service",
                "mq.secret-key=orders-service-secret").run(context -> {
                    EmbeddedBroker broker = context.getBean(DevBroker.class).broker();
                    MqTemplate template = context.getBean(MqTemplate.class);

                    assertThat(broker.config().security().acl().plainAclFile()).isEqualTo(file);
                    assertThat(template.syncSend("dev-orders", "allowed")).isNotNull();
                    assertThatThrownBy(() -> template.syncSend("dev-payments", "refused"))
                            .hasStackTraceContaining("No default permission for topic:dev-payments");
                });
    }

    @Test
    void aClasspathAclFileIsCopiedForTheBroker() {
        runner.withPropertyValues("mq.embedded.acl-file=classpath:acl/dev_plain_acl.yml").run(context -> {
            Path used = context.getBean(DevBroker.class).broker().config().security().acl().plainAclFile();
            assertThat(used).content().contains("dev-orders=PUB|SUB");
        });
    }

    @Test
    void aMissingAclFileFailsTheStartNamingIt() {
        runner.withPropertyValues("mq.embedded.acl-file=classpath:acl/missing.yml").run(context ->
                assertThat(context).getFailure().hasStackTraceContaining("mq.embedded.acl-file")
                        .hasStackTraceContaining("missing.yml"));
    }

    @Test
    void aclTwoWithTheApplicationAsInitialSuperUser() {
        runner.withPropertyValues("mq.embedded.authentication-enabled=true", "mq.embedded.authorization-enabled=true",
                "mq.embedded.init-authentication-user=dev-admin:dev-admin-password", "mq.access-key=dev-admin",
                "mq.secret-key=dev-admin-password").run(context -> {
                    EmbeddedBroker broker = context.getBean(DevBroker.class).broker();

                    assertThat(broker.config().security().auth()).isEqualTo(new AuthConfig(true, true,
                            new SessionCredentials("dev-admin", "dev-admin-password")));
                    assertThat(context.getBean(MqTemplate.class).syncSend("dev-orders", "x")).isNotNull();
                });
    }
}
