package io.nimbusmq.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.nimbusmq.client.MqClient;
import io.nimbusmq.spring.annotation.MessageListener;
import io.nimbusmq.spring.core.MqTemplate;

/** Namespaces, named connections and receive, as the auto-configuration sets them up or refuses them. */
class MqConnectionsAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
                    MqEmbeddedBrokerAutoConfiguration.class, MqAutoConfiguration.class))
            .withPropertyValues("mq.name-server=127.0.0.1:9876", "mq.listener.startup=REFRESH");

    private static FailureAnalysis analysis(Throwable failure) {
        return new MqConfigurationFailureAnalyzer().analyze(failure);
    }

    @Test
    void theNamespaceGoesIntoTheClient() {
        runner.withPropertyValues("mq.namespace=tenant-a").run(context ->
                assertThat(context.getBean(MqClient.class).config().namespace()).isEqualTo("tenant-a"));
    }

    @Test
    void aNamespaceWithForbiddenCharactersFailsTheStartNamingTheSetting() {
        runner.withPropertyValues("mq.namespace=tenant%a").run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = analysis(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("mq.namespace=tenant%a").contains("letters, digits");
            assertThat(analysis.getAction()).contains("mq.namespace");
        });
    }

    @Test
    void aConnectionNeedsItsNameServersAndAValidNamespace() {
        runner.withPropertyValues("mq.connections.other.namespace=ns").run(context -> assertThat(
                analysis(context.getStartupFailure()).getDescription()).contains("mq.connections.other.name-server"));
        runner.withPropertyValues("mq.connections.other.name-server=127.0.0.1:9877",
                "mq.connections.other.namespace=a b").run(context -> assertThat(
                analysis(context.getStartupFailure()).getDescription()).contains("mq.connections.other.namespace=a b"));
    }

    @Test
    void eachConnectionHasATemplateQualifiedByItsNameAndPlainInjectionStillGetsTheDefault() {
        runner.withPropertyValues("mq.connections.analytics.name-server=127.0.0.1:9877",
                "mq.connections.analytics.namespace=stats").withUserConfiguration(Injection.class).run(context -> {
                    Injection injection = context.getBean(Injection.class);
                    assertThat(injection.plain).isSameAs(context.getBean("mqTemplate"));
                    assertThat(injection.analytics).isSameAs(context.getBean("analyticsMqTemplate"))
                            .isNotSameAs(injection.plain);
                    assertThat(injection.analytics.producer()).isSameAs(context.getBean("analyticsMqProducer"));
                });
    }

    @Test
    void aListenerNamingAnUnknownConnectionFailsTheStartListingTheConfiguredOnes() {
        runner.withPropertyValues("mq.connections.analytics.name-server=127.0.0.1:9877")
                .withUserConfiguration(UnknownConnectionListener.class).run(context -> {
                    assertThat(context).hasFailed();
                    FailureAnalysis analysis = analysis(context.getStartupFailure());
                    assertThat(analysis.getDescription())
                            .contains("@MessageListener(unknown).connection=nowhere")
                            .contains("no connection mq.connections.nowhere is configured");
                    assertThat(analysis.getAction()).contains("analytics");
                });
    }

    @Test
    void aListenerNamespaceWithForbiddenCharactersFailsTheStartNamingTheAttribute() {
        runner.withPropertyValues("app.namespace=tenant%b").withUserConfiguration(BadNamespaceListener.class)
                .run(context -> {
                    assertThat(context).hasFailed();
                    FailureAnalysis analysis = new InvalidListenerSettingFailureAnalyzer()
                            .analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription()).contains("@MessageListener(tenant).namespace = 'tenant%b'")
                            .contains("letters, digits, '_' and '-'");
                });
    }

    @Test
    void withNamespaceRefusesForbiddenCharactersAndGivesTheTemplateItselfForItsOwnNamespace() {
        runner.withPropertyValues("mq.namespace=tenant-a").run(context -> {
            MqTemplate template = context.getBean(MqTemplate.class);
            assertThatThrownBy(() -> template.withNamespace("tenant%b")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("withNamespace('tenant%b')");
            assertThat(template.withNamespace("tenant-a")).isSameAs(template);
        });
    }

    @Test
    void theAccessChannelIsLocalOrCloudAndAnythingElseFailsTheStartNamingTheSetting() {
        runner.run(context -> assertThat(context.getBean(MqProperties.class).getAccessChannel())
                .isEqualTo(AccessChannel.LOCAL));
        runner.withPropertyValues("mq.access-channel=cloud").run(context -> assertThat(
                context.getBean(MqProperties.class).getAccessChannel()).isEqualTo(AccessChannel.CLOUD));
        runner.withPropertyValues("mq.access-channel=cloudy").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure())
                    .hasStackTraceContaining("Failed to bind properties under 'mq.access-channel'")
                    .hasStackTraceContaining("cloudy");
        });
    }

    @Test
    void receiveNeedsAPullConsumerTopicAndGroup() {
        runner.run(context -> assertThatThrownBy(() -> context.getBean(MqTemplate.class).receive(String.class))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("mq.pull-consumer.topic"));
        runner.withPropertyValues("mq.pull-consumer.topic=t", "mq.pull-consumer.group=g",
                "mq.pull-consumer.connection=nowhere").run(context -> assertThat(analysis(
                context.getStartupFailure()).getDescription()).contains("mq.pull-consumer.connection=nowhere"));
    }

    @Configuration(proxyBeanMethods = false)
    static class Injection {

        MqTemplate plain;
        MqTemplate analytics;

        @Bean
        String injected(MqTemplate plain, @Qualifier("analytics") MqTemplate analytics) {
            this.plain = plain;
            this.analytics = analytics;
            return "injected";
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class BadNamespaceListener {

        @Bean
        Listener listener() {
            return new Listener();
        }

        static class Listener {
            @MessageListener(id = "tenant", topic = "t", consumerGroup = "g", namespace = "${app.namespace}")
            void on(String body) {
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class UnknownConnectionListener {

        @Bean
        Listener listener() {
            return new Listener();
        }

        static class Listener {
            @MessageListener(id = "unknown", topic = "t", consumerGroup = "g", connection = "nowhere")
            void on(String body) {
            }
        }
    }
}
