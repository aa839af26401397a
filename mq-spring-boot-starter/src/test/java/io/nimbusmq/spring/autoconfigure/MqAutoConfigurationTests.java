package io.nimbusmq.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.MeterRegistry;
import io.nimbusmq.broker.EmbeddedBroker;
import io.nimbusmq.store.flush.FlushMode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nimbusmq.client.MqClient;
import io.nimbusmq.client.consumer.ConsumeMode;
import io.nimbusmq.client.consumer.ConsumerConfig;
import io.nimbusmq.client.consumer.ConsumerGroupMembers;
import io.nimbusmq.client.consumer.Subscription;
import io.nimbusmq.client.consumer.SelectorType;
import io.nimbusmq.client.producer.Producer;
import io.nimbusmq.remoting.protocol.body.client.MessageModel;
import io.nimbusmq.spring.FakeMqClient;
import io.nimbusmq.spring.annotation.MessageListener;
import io.nimbusmq.spring.core.MqOperations;
import io.nimbusmq.spring.core.MqTemplate;
import io.nimbusmq.spring.listener.ConsumerGroupConflictException;
import io.nimbusmq.spring.listener.InconsistentConsumerGroupException;
import io.nimbusmq.spring.metrics.MicrometerMqMetrics;
import io.nimbusmq.spring.metrics.MqMetrics;
import io.nimbusmq.spring.support.OrderDto;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

class MqAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
                    MqEmbeddedBrokerAutoConfiguration.class, MqAutoConfiguration.class))
            .withPropertyValues("mq.name-server=127.0.0.1:9876", "mq.listener.startup=REFRESH");

    private final ApplicationContextRunner withFakeClient = runner.withUserConfiguration(FakeClientConfig.class);

    @Test
    void backsOffWhenTheApplicationDefinesItsClient() {
        withFakeClient.run(context -> {
            assertThat(context).hasSingleBean(MqClient.class).getBean(MqClient.class)
                    .isInstanceOf(FakeMqClient.class);
            assertThat(context).hasSingleBean(MqOperations.class).hasSingleBean(MqTemplate.class)
                    .doesNotHaveBean(DevBroker.class);
        });
    }

    @Test
    void backsOffWhenTheApplicationDefinesItsTemplate() {
        withFakeClient.withBean("myTemplate", MqOperations.class, () -> org.mockito.Mockito.mock(MqOperations.class))
                .run(context -> assertThat(context).hasSingleBean(MqOperations.class)
                        .doesNotHaveBean(MqTemplate.class));
    }

    @Test
    void createsTheClientFromPropertiesAndCustomizers() {
        runner.withPropertyValues("mq.client.request-timeout=7s", "mq.client.instance-name=orders-app")
                .withBean(ClientConfigCustomizer.class, () -> builder -> builder.heartbeatInterval(Duration.ofSeconds(9)))
                .run(context -> {
                    MqClient client = context.getBean(MqClient.class);
                    assertThat(client.config().nameServers()).containsExactly("127.0.0.1:9876");
                    assertThat(client.config().requestTimeout()).isEqualTo(Duration.ofSeconds(7));
                    assertThat(client.config().heartbeatInterval()).isEqualTo(Duration.ofSeconds(9));
                    assertThat(client.clientId()).endsWith("@orders-app");
                });
    }

    @Test
    void givesEveryContextItsOwnClientInstanceName() {
        runner.withPropertyValues("spring.application.name=shop").run(first -> runner
                .withPropertyValues("spring.application.name=shop").run(second -> {
                    String one = first.getBean(MqClient.class).config().instanceName();
                    String two = second.getBean(MqClient.class).config().instanceName();
                    assertThat(one).startsWith("shop-").isNotEqualTo(two);
                }));
    }

    @Test
    void startsAnEmbeddedBrokerWhenNoNameServerIsSet() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MqEmbeddedBrokerAutoConfiguration.class,
                        MqAutoConfiguration.class))
                .run(context -> {
                    assertThat(context).hasSingleBean(DevBroker.class);
                    String address = context.getBean(DevBroker.class).address();
                    assertThat(context.getBean(MqConnectionDetails.class).nameServer()).isEqualTo(address);
                    assertThat(context.getBean(MqClient.class).config().nameServers()).containsExactly(address);
                });
    }

    @Test
    void theEmbeddedBrokerTakesItsPortStoreFlushModeAndTopicsFromProperties(@TempDir Path store) {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MqEmbeddedBrokerAutoConfiguration.class,
                        MqAutoConfiguration.class))
                .withPropertyValues("mq.embedded.store-dir=" + store, "mq.embedded.flush-mode=SYNC_FLUSH",
                        "mq.embedded.topics=orders,invoices")
                .withBean(EmbeddedBrokerCustomizer.class, () -> builder -> builder.brokerName("dev-broker"))
                .run(context -> {
                    EmbeddedBroker broker = context.getBean(DevBroker.class).broker();
                    assertThat(broker.config().storeDir()).isEqualTo(store);
                    assertThat(broker.config().flushMode()).isEqualTo(FlushMode.SYNC_FLUSH);
                    assertThat(broker.config().brokerName()).isEqualTo("dev-broker");
                    assertThat(broker.runtime().topics().find("orders")).isNotNull();
                    assertThat(broker.runtime().topics().find("invoices")).isNotNull();
                });
        assertThat(store.resolve("store")).isDirectory();
    }

    @Test
    void theEmbeddedBrokerCanBeForcedBesideANameServerProperty() {
        withFakeClient.withPropertyValues("mq.embedded.enabled=true")
                .run(context -> assertThat(context).hasSingleBean(DevBroker.class));
    }

    @Test
    void theFailureAnalyzerExplainsAGroupConflict() {
        withFakeClient.withUserConfiguration(ConflictingListeners.class).run(context -> {
            FailureAnalysis analysis = new ConsumerGroupConflictFailureAnalyzer()
                    .analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("Consumer group 'shared' is used by two listeners");
            assertThat(analysis.getAction()).contains("distinct consumerGroup");
        });
    }

    @Test
    void noEmbeddedBrokerWhenANameServerIsSet() {
        withFakeClient.run(context -> assertThat(context).doesNotHaveBean(DevBroker.class)
                .getBean(MqConnectionDetails.class).extracting(MqConnectionDetails::nameServer)
                .isEqualTo("127.0.0.1:9876"));
    }

    @Test
    void failsClearlyWithoutNameServerWhenTheEmbeddedBrokerIsDisabled() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MqEmbeddedBrokerAutoConfiguration.class,
                        MqAutoConfiguration.class))
                .withPropertyValues("mq.embedded.enabled=false")
                .run(context -> {
                    assertThat(context).hasFailed().getFailure().rootCause()
                            .isInstanceOf(NoNameServerException.class)
                            .hasMessageContaining("mq.name-server is not set and the embedded broker is disabled");
                    FailureAnalysis analysis = new NoNameServerFailureAnalyzer().analyze(context.getStartupFailure());
                    assertThat(analysis.getAction()).contains("mq.name-server=127.0.0.1:9876")
                            .contains("remove mq.embedded.enabled=false").doesNotContain("<dependency>");
                });
    }

    @Test
    void withoutTheBrokerOnTheClasspathAndNoNameServerTheFailureAnalysisSaysWhatToAdd() {
        new ApplicationContextRunner()
                .withClassLoader(new FilteredClassLoader(EmbeddedBroker.class))
                .withConfiguration(AutoConfigurations.of(MqEmbeddedBrokerAutoConfiguration.class,
                        MqAutoConfiguration.class))
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().isInstanceOf(NoNameServerException.class)
                            .hasMessageContaining("io.nimbusmq:mq-embedded-broker) is not on the classpath");
                    FailureAnalysis analysis = new NoNameServerFailureAnalyzer().analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription()).startsWith("Nimbus MQ has no broker to connect to");
                    assertThat(analysis.getAction()).contains("mq.name-server=127.0.0.1:9876")
                            .contains("<artifactId>mq-embedded-broker</artifactId>")
                            .contains("mq-spring-boot-test");
                });
    }

    @Test
    void configuresTheProducerFromPropertiesAndCustomizers() {
        withFakeClient.withPropertyValues("mq.producer.group=orders-producer", "mq.producer.send-timeout=5s",
                        "mq.producer.retry-times-when-send-failed=4")
                .withBean(ProducerConfigCustomizer.class, () -> (group, builder) -> builder.compressThreshold(1024))
                .run(context -> {
                    Producer producer = context.getBean(MqTemplate.class).producer();
                    assertThat(producer.config().group()).isEqualTo("orders-producer");
                    assertThat(producer.config().sendTimeout()).isEqualTo(Duration.ofSeconds(5));
                    assertThat(producer.config().retryTimesWhenSendFailed()).isEqualTo(4);
                    assertThat(producer.config().compressThreshold()).isEqualTo(1024);
                });
    }

    @Test
    void defaultProducerGroupComesFromTheApplicationName() {
        withFakeClient.withPropertyValues("spring.application.name=billing").run(context -> assertThat(
                context.getBean(MqTemplate.class).producer().config().group()).isEqualTo("billing-producer"));
    }

    @Test
    void buildsConsumersFromAnnotationPropertiesOverridesAndCustomizers() {
        withFakeClient.withUserConfiguration(OrderListeners.class)
                .withPropertyValues("mq.consumer.consume-threads=7", "mq.consumer.shutdown-timeout=12s",
                        "mq.listeners.audit.max-reconsume-times=2", "app.topic=orders")
                .withBean(ConsumerConfigCustomizer.class, () -> (endpoint, builder) -> builder.pullBatchSize(8))
                .run(context -> {
                    FakeMqClient client = context.getBean(FakeMqClient.class);
                    ConsumerConfig billing = client.consumers().get("billing").config();
                    assertThat(billing.subscriptions()).singleElement().satisfies(subscription -> {
                        assertThat(subscription.topic()).isEqualTo("orders");
                        assertThat(subscription.type()).isEqualTo(SelectorType.TAG);
                        assertThat(subscription.expression()).isEqualTo("created || paid");
                    });
                    assertThat(billing.consumeThreads()).isEqualTo(7);
                    assertThat(billing.consumeMode()).isEqualTo(ConsumeMode.CONCURRENTLY);
                    assertThat(billing.shutdownDrainTimeout()).isEqualTo(Duration.ofSeconds(12));
                    assertThat(billing.pullBatchSize()).isEqualTo(8);

                    ConsumerConfig audit = client.consumers().get("audit").config();
                    assertThat(audit.subscriptions().get(0).type()).isEqualTo(SelectorType.SQL92);
                    assertThat(audit.subscriptions().get(0).expression()).isEqualTo("amount > 100");
                    assertThat(audit.messageModel()).isEqualTo(MessageModel.BROADCASTING);
                    assertThat(audit.consumeMode()).isEqualTo(ConsumeMode.ORDERLY);
                    assertThat(audit.consumeThreads()).isEqualTo(3);
                    assertThat(audit.maxReconsumeTimes()).isEqualTo(2);
                });
    }

    @Test
    void broadcastOffsetsDefaultToAStableDirectoryOfTheApplication() {
        withFakeClient.withUserConfiguration(OrderListeners.class)
                .withPropertyValues("app.topic=orders", "spring.application.name=shop")
                .run(context -> {
                    ConsumerConfig audit = context.getBean(FakeMqClient.class).consumers().get("audit").config();
                    assertThat(audit.offsetStoreDir()).isEqualTo(Path.of(System.getProperty("user.home"),
                            ".nimbusmq", "offsets", "shop"));
                    assertThat(audit.offsetStoreName()).isEqualTo("default");
                });
    }

    @Test
    void broadcastOffsetsAreNamedAfterAnExplicitInstanceName(@TempDir Path offsets) {
        withFakeClient.withUserConfiguration(OrderListeners.class)
                .withPropertyValues("app.topic=orders", "mq.client.instance-name=eu-1",
                        "mq.consumer.offset-store-dir=" + offsets)
                .run(context -> {
                    ConsumerConfig audit = context.getBean(FakeMqClient.class).consumers().get("audit").config();
                    assertThat(audit.offsetStoreDir()).isEqualTo(offsets);
                    assertThat(audit.offsetStoreName()).isEqualTo("eu-1");
                });
    }

    @Test
    void aGroupWhoseLiveMembersSubscribeDifferentlyFailsTheStartUnlessTheCheckIsOff() {
        FakeMqClient client = new FakeMqClient();
        client.groupMembers(new ConsumerGroupMembers("billing", java.util.Set.of("10.0.0.9@other"),
                MessageModel.CLUSTERING, java.util.Map.of("orders", Subscription.tag("orders", "created"))));
        ApplicationContextRunner withMembers = runner.withBean(MqClient.class, () -> client)
                .withUserConfiguration(OrderListeners.class).withPropertyValues("app.topic=orders");
        withMembers.run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .isInstanceOf(InconsistentConsumerGroupException.class)
                    .hasMessageContaining("Consumer group 'billing' has live members [10.0.0.9@other] that subscribe "
                            + "to topic orders TAG 'created' CLUSTERING, but listener")
                    .hasMessageContaining("subscribes to topic orders TAG 'created || paid' CLUSTERING");
            assertThat(client.consumers()).isEmpty();
        });
        withMembers.withPropertyValues("mq.consumer.check-group-consistency=false")
                .run(context -> assertThat(client.consumers()).containsOnlyKeys("billing", "audit"));
    }

    @Test
    void aGroupWhoseLiveMembersSubscribeAlikeStarts() {
        FakeMqClient client = new FakeMqClient();
        client.groupMembers(new ConsumerGroupMembers("billing", java.util.Set.of("10.0.0.9@other"),
                MessageModel.CLUSTERING, java.util.Map.of("orders", Subscription.tag("orders", "paid||created"),
                        "%RETRY%billing", Subscription.all("%RETRY%billing"))));
        runner.withBean(MqClient.class, () -> client).withUserConfiguration(OrderListeners.class)
                .withPropertyValues("app.topic=orders")
                .run(context -> assertThat(client.consumers()).containsOnlyKeys("billing", "audit"));
    }

    @Test
    void aListenerCanBeSwitchedOffByItsGroup() {
        withFakeClient.withUserConfiguration(OrderListeners.class)
                .withPropertyValues("app.topic=orders", "mq.listeners.billing.enabled=false")
                .run(context -> assertThat(context.getBean(FakeMqClient.class).consumers())
                        .containsOnlyKeys("audit"));
    }

    @Test
    void listenersWaitForTheApplicationToBeReadyByDefault() {
        withFakeClient.withUserConfiguration(OrderListeners.class)
                .withPropertyValues("app.topic=orders", "mq.listener.startup=READY")
                .run(context -> {
                    FakeMqClient client = context.getBean(FakeMqClient.class);
                    assertThat(client.consumers()).isEmpty();
                    context.publishEvent(new org.springframework.boot.context.event.ApplicationReadyEvent(
                            new org.springframework.boot.SpringApplication(), new String[0],
                            context.getSourceApplicationContext(), Duration.ZERO));
                    assertThat(client.consumers()).containsOnlyKeys("billing", "audit");
                });
    }

    @Test
    void twoListenersOfOneGroupFailTheStartWithAClearMessage() {
        withFakeClient.withUserConfiguration(ConflictingListeners.class).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(ConsumerGroupConflictException.class)
                    .hasMessageContaining("Consumer group 'shared'")
                    .hasMessageContaining("topic orders TAG '*'")
                    .hasMessageContaining("topic invoices TAG '*'")
                    .hasMessageContaining("Give each listener its own consumerGroup");
        });
    }

    @Test
    void closingTheContextDrainsConsumersWithTheConfiguredTimeoutThenClosesTheClient() {
        FakeMqClient client = new FakeMqClient();
        runner.withBean(MqClient.class, () -> client).withUserConfiguration(OrderListeners.class)
                .withPropertyValues("app.topic=orders", "mq.consumer.shutdown-timeout=4s")
                .run(context -> {
                    FakeMqClient.FakeConsumer billing = client.consumers().get("billing");
                    context.close();
                    assertThat(billing.shutdownWith()).isEqualTo(Duration.ofSeconds(4));
                    assertThat(client.consumers()).isEmpty();
                });
    }

    @Test
    void recordsMetricsWhenAMeterRegistryIsPresent() {
        withFakeClient.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
            assertThat(context.getBean(MqMetrics.class)).isInstanceOf(MicrometerMqMetrics.class);
            context.getBean(MqTemplate.class).syncSend("orders", "hello");
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.get(MicrometerMqMetrics.SENT).tag("topic", "orders").counter().count())
                    .isEqualTo(1.0);
            assertThat(registry.get(MicrometerMqMetrics.SEND_TIMER).tag("outcome", "success").timer().count())
                    .isEqualTo(1);
        });
    }

    @Test
    void recordsNothingWithoutAMeterRegistry() {
        withFakeClient.run(context -> assertThat(context.getBean(MqMetrics.class)).isSameAs(MqMetrics.NONE));
    }

    @Test
    void worksWithoutMicrometerOnTheClasspath() {
        withFakeClient.withClassLoader(new FilteredClassLoader(MeterRegistry.class)).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(MqMetrics.class)).isSameAs(MqMetrics.NONE);
            context.getBean(MqTemplate.class).syncSend("orders", "hello");
        });
    }

    @Test
    void convertsWithTheApplicationsJsonMapper() {
        withFakeClient.withBean(JsonMapper.class, () -> JsonMapper.builder()
                        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build())
                .run(context -> {
                    context.getBean(MqTemplate.class).syncSend("orders", new Named("Ada Lovelace"));
                    byte[] body = context.getBean(FakeMqClient.class).sent().get(0).message().body();
                    assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo("{\"full_name\":\"Ada Lovelace\"}");
                });
    }

    @Test
    void bootsJsonMapperWritesDatesAsIsoStrings() {
        withFakeClient.run(context -> {
            context.getBean(MqTemplate.class).syncSend("orders", OrderDto.sample("o-1"));
            byte[] body = context.getBean(FakeMqClient.class).sent().get(0).message().body();
            assertThat(new String(body, StandardCharsets.UTF_8)).contains("\"day\":\"2026-03-14\"")
                    .contains("\"createdAt\":\"2026-03-14T09:26:53Z\"");
        });
    }

    record Named(String fullName) {
    }

    @Configuration(proxyBeanMethods = false)
    static class FakeClientConfig {
        @Bean
        FakeMqClient fakeMqClient() {
            return new FakeMqClient();
        }
    }

    static class OrderListeners {
        @MessageListener(topic = "${app.topic}", consumerGroup = "billing", selectorExpression = "created || paid")
        void billing(OrderDto order) {
        }

        @MessageListener(topic = "${app.topic}", consumerGroup = "audit", selectorType = SelectorType.SQL92,
                selectorExpression = "amount > 100", messageModel = MessageModel.BROADCASTING,
                consumeMode = ConsumeMode.ORDERLY, consumeThreads = "3", maxReconsumeTimes = "5")
        void audit(OrderDto order) {
        }
    }

    static class ConflictingListeners {
        @MessageListener(topic = "orders", consumerGroup = "shared")
        void orders(String body) {
        }

        @MessageListener(topic = "invoices", consumerGroup = "shared")
        void invoices(String body) {
        }
    }
}
