package io.nimbusmq.spring.listener;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.nimbusmq.client.consumer.ConsumeMode;
import io.nimbusmq.client.consumer.ConsumerConfig;
import io.nimbusmq.client.consumer.SelectorType;
import io.nimbusmq.client.consumer.Subscription;
import io.nimbusmq.spring.FakeMqClient;
import io.nimbusmq.spring.annotation.MessageListener;
import io.nimbusmq.spring.annotation.TopicSubscription;
import io.nimbusmq.spring.autoconfigure.MqAutoConfiguration;

/**
 * Every listener setting from the annotation (placeholders, SpEL), from {@code mq.listeners.<group>.*}, and from a
 * container factory's defaults, down to the consumer's config; bad values and unknown factories stop the start-up.
 */
class ListenerSettingsTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, MqAutoConfiguration.class))
            .withPropertyValues("mq.name-server=127.0.0.1:9876", "mq.listener.startup=REFRESH")
            .withBean(FakeMqClient.class, FakeMqClient::new);

    static class Tuned {
        @MessageListener(topic = "orders", consumerGroup = "tuned", consumeThreads = "${orders.threads:4}",
                maxReconsumeTimes = "#{2 + 1}", consumeTimeout = "${orders.timeout}", pullInterval = "250ms",
                rateLimit = "#{${orders.rate} * 2}", pullThresholdForQueue = "64",
                pullThresholdSizeForQueueMib = "8", suspendTime = "300ms", retryDelays = "1, 20s, 1m",
                idleEventInterval = "5s", autoStartup = "#{true}")
        void onOrder(String order) {
        }
    }

    @Test
    void numericAttributesAreStringsWithPlaceholdersAndExpressions() {
        runner.withBean(Tuned.class).withPropertyValues("orders.timeout=45s", "orders.rate=2.5").run(context -> {
            ConsumerConfig config = context.getBean(FakeMqClient.class).consumers().get("tuned").config();
            assertThat(config.consumeThreads()).isEqualTo(4);
            assertThat(config.maxReconsumeTimes()).isEqualTo(3);
            assertThat(config.pullInterval()).isEqualTo(Duration.ofMillis(250));
            assertThat(config.consumeRateLimit()).isEqualTo(5.0);
            assertThat(config.pullThresholdForQueue()).isEqualTo(64);
            assertThat(config.pullThresholdSizeForQueueMiB()).isEqualTo(8);
            assertThat(config.suspendCurrentQueueTime()).isEqualTo(Duration.ofMillis(300));
            // 20s rounds up to level 4 (30 s), 1m is level 5
            assertThat(config.retryDelayLevels()).containsExactly(1, 4, 5);
            MessageListenerEndpoint endpoint = container(context, "tuned").endpoint();
            assertThat(endpoint.settings().consumeTimeout()).isEqualTo(Duration.ofSeconds(45));
            assertThat(endpoint.settings().idleEventInterval()).isEqualTo(Duration.ofSeconds(5));
        });
    }

    @Test
    void propertiesOverrideEveryAttribute() {
        runner.withBean(Tuned.class).withPropertyValues("orders.timeout=45s", "orders.rate=2.5",
                "mq.listeners.tuned.consume-threads=7", "mq.listeners.tuned.max-reconsume-times=0",
                "mq.listeners.tuned.consume-timeout=2m", "mq.listeners.tuned.pull-interval=0s",
                "mq.listeners.tuned.rate-limit=100", "mq.listeners.tuned.pull-threshold-for-queue=10",
                "mq.listeners.tuned.pull-threshold-size-for-queue-mib=2", "mq.listeners.tuned.suspend-time=2s",
                "mq.listeners.tuned.retry-delays=5s", "mq.listeners.tuned.idle-event-interval=1m",
                "mq.listeners.tuned.selector-expression=paid || created", "mq.listeners.tuned.consume-mode=ORDERLY")
                .run(context -> {
                    ConsumerConfig config = context.getBean(FakeMqClient.class).consumers().get("tuned").config();
                    assertThat(config.consumeThreads()).isEqualTo(7);
                    assertThat(config.maxReconsumeTimes()).isZero();
                    assertThat(config.pullInterval()).isZero();
                    assertThat(config.consumeRateLimit()).isEqualTo(100.0);
                    assertThat(config.pullThresholdForQueue()).isEqualTo(10);
                    assertThat(config.pullThresholdSizeForQueueMiB()).isEqualTo(2);
                    assertThat(config.suspendCurrentQueueTime()).isEqualTo(Duration.ofSeconds(2));
                    assertThat(config.retryDelayLevels()).containsExactly(2);
                    assertThat(config.consumeMode()).isEqualTo(ConsumeMode.ORDERLY);
                    assertThat(config.subscriptions()).containsExactly(Subscription.tag("orders", "paid || created"));
                    assertThat(container(context, "tuned").endpoint().settings().consumeTimeout())
                            .isEqualTo(Duration.ofMinutes(2));
                });
    }

    @Test
    void aPlaceholderThatIsNotANumberStopsTheStartUpNamingAttributeAndValue() {
        runner.withBean(Tuned.class).withPropertyValues("orders.timeout=45s", "orders.rate=2.5",
                "orders.threads=four").run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().isInstanceOf(InvalidListenerSettingException.class)
                        .hasMessageContaining("@MessageListener(consumeThreads) of listenerSettingsTests.Tuned#onOrder")
                        .hasMessageContaining("'four'"));
    }

    @Test
    void aRateLimitOfZeroStopsTheStartUp() {
        runner.withBean(Tuned.class).withPropertyValues("orders.timeout=45s", "orders.rate=0").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause()
                        .isInstanceOf(InvalidListenerSettingException.class)
                        .hasMessageContaining("@MessageListener(rateLimit) of listenerSettingsTests.Tuned#onOrder = '0.0'"));
        runner.withBean(Tuned.class).withPropertyValues("orders.timeout=45s", "orders.rate=1",
                "mq.listeners.tuned.rate-limit=0").run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("mq.listeners.tuned.rate-limit = '0.0'"));
    }

    @Test
    void badDurationsAndRetryDelaysStopTheStartUp() {
        runner.withBean(Tuned.class).withPropertyValues("orders.timeout=soon", "orders.rate=1").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("@MessageListener(consumeTimeout) of listenerSettingsTests.Tuned#onOrder = 'soon'"));
        runner.withBean(Tuned.class).withPropertyValues("orders.timeout=1s", "orders.rate=1",
                "mq.listeners.tuned.retry-delays=3h").run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("mq.listeners.tuned.retry-delays = '3h'")
                        .hasMessageContaining("longer than the longest delay level"));
    }

    static class SeveralTopics {
        @MessageListener(consumerGroup = "audit", subscriptions = {
                @TopicSubscription(topic = "orders", selectorExpression = "created || paid"),
                @TopicSubscription(topic = "${refunds.topic}", selectorType = SelectorType.SQL92,
                        selectorExpression = "amount > 100")})
        void audit(String event) {
        }
    }

    @Test
    void oneListenerSubscribesToSeveralTopicsEachWithItsSelector() {
        runner.withBean(SeveralTopics.class).withPropertyValues("refunds.topic=refunds").run(context -> {
            ConsumerConfig config = context.getBean(FakeMqClient.class).consumers().get("audit").config();
            assertThat(config.subscriptions()).containsExactly(Subscription.tag("orders", "created || paid"),
                    Subscription.sql("refunds", "amount > 100"));
            assertThat(context.getBean(MessageListenerContainerRegistry.class).listeners().get(0).topic())
                    .isEqualTo("orders,refunds");
        });
    }

    static class OnTheBulkFactory {
        @MessageListener(topic = "bulk", consumerGroup = "bulk", containerFactory = "bulkFactory",
                consumeThreads = "3")
        void onBulk(String body) {
        }

        @MessageListener(topic = "plain", consumerGroup = "plain")
        void onPlain(String body) {
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class BulkFactory {
        @Bean
        MessageListenerContainerFactory bulkFactory(MessageListenerContainerFactory mqMessageListenerContainerFactory) {
            MessageListenerContainerFactory factory = mqMessageListenerContainerFactory.copy();
            factory.setDefaults(ListenerSettings.builder().consumeThreads(2).rateLimit(50.0)
                    .retryDelayLevels(List.of(1)).build());
            return factory;
        }
    }

    @Test
    void aListenerGetsTheDefaultsOfItsContainerFactoryWhereItSetsNothing() {
        runner.withUserConfiguration(BulkFactory.class).withBean(OnTheBulkFactory.class).run(context -> {
            FakeMqClient client = context.getBean(FakeMqClient.class);
            ConsumerConfig bulk = client.consumers().get("bulk").config();
            assertThat(bulk.consumeThreads()).isEqualTo(3);
            assertThat(bulk.consumeRateLimit()).isEqualTo(50.0);
            assertThat(bulk.retryDelayLevels()).containsExactly(1);
            ConsumerConfig plain = client.consumers().get("plain").config();
            assertThat(plain.consumeThreads()).isEqualTo(20);
            assertThat(plain.consumeRateLimit()).isInfinite();
            assertThat(plain.retryDelayLevels()).isEmpty();
        });
    }

    @Test
    void anUnknownContainerFactoryStopsTheStartUp() {
        runner.withBean(OnTheBulkFactory.class).run(context -> assertThat(context).hasFailed().getFailure()
                .rootCause().isInstanceOf(InvalidListenerSettingException.class)
                .hasMessageContaining("containerFactory of listener listenerSettingsTests.OnTheBulkFactory#onBulk = 'bulkFactory'"));
    }

    @Test
    void virtualThreadsFollowSpringBootsSwitchOnJava21AndLater() {
        runner.withBean(SeveralTopics.class).withPropertyValues("refunds.topic=refunds",
                "spring.threads.virtual.enabled=true").run(context -> assertThat(context.getBean(
                        FakeMqClient.class).consumers().get("audit").config().virtualThreads())
                        .isEqualTo(Runtime.version().feature() >= 21));
    }

    private static MessageListenerContainer container(
            org.springframework.context.ApplicationContext context, String group) {
        return context.getBean(MessageListenerContainerRegistry.class).container(group);
    }
}
