package io.nimbusmq.spring.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import io.nimbusmq.broker.EmbeddedBroker;
import io.nimbusmq.broker.client.ClientHousekeepingService;
import io.nimbusmq.broker.time.ManualClock;
import io.nimbusmq.spring.annotation.MessageListener;
import io.nimbusmq.spring.core.MqTemplate;
import io.nimbusmq.spring.listener.ListenerInfo;
import io.nimbusmq.spring.listener.ListenerState;
import io.nimbusmq.spring.listener.MessageListenerContainerRegistry;
import io.nimbusmq.spring.test.EmbeddedMq;
import io.nimbusmq.spring.test.MessageCollector;

/**
 * A listener's life from code: pause and resume keep the group's queues, stop and start by id, autoStartup false,
 * a context stopped and started again (as Spring's test context cache pauses inactive contexts) consumes again, and
 * a test that moves the broker's manual clock by ten minutes expires no client.
 */
@SpringBootTest(classes = ListenerLifecycleIntegrationTests.App.class)
@EmbeddedMq(topics = {"it-life", "it-life-manual", "it-life-restart"}, manualClock = true)
class ListenerLifecycleIntegrationTests {

    static final Duration PATIENCE = Duration.ofSeconds(60);
    /** How long a paused or stopped listener must stay without a message that is waiting for it. */
    static final Duration QUIET = Duration.ofSeconds(2);
    static final MessageCollector<String> LIFE = new MessageCollector<>();
    static final MessageCollector<String> MANUAL = new MessageCollector<>();
    static final MessageCollector<String> RESTART = new MessageCollector<>();

    @Autowired
    MqTemplate template;

    @Autowired
    MessageListenerContainerRegistry registry;

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    EmbeddedBroker broker;

    @Autowired
    ManualClock clock;

    @Test
    void aPausedListenerTakesNothingUntilResumedAndKeepsItsQueues() {
        template.syncSend("it-life", "before");
        LIFE.awaitMatch("before"::equals, PATIENCE);

        registry.pause("life");
        assertThat(state("life")).isEqualTo(ListenerState.PAUSED);
        template.syncSend("it-life", "while-paused");
        await().during(QUIET).atMost(PATIENCE).until(() -> !LIFE.received().contains("while-paused"));
        assertThat(broker.runtime().consumers().consumerIds("it-life")).hasSize(1);

        registry.resume("life");
        LIFE.awaitMatch("while-paused"::equals, PATIENCE);
        assertThat(state("life")).isEqualTo(ListenerState.RUNNING);
    }

    @Test
    void aListenerWithoutAutoStartupRunsOnlyWhenStartedByIdAndStopsByItsId() {
        assertThat(state("manual")).isEqualTo(ListenerState.STOPPED);
        template.syncSend("it-life-manual", "first");

        registry.startContainer("manual");
        MANUAL.awaitMatch("first"::equals, PATIENCE);

        registry.stopContainer("manual");
        assertThat(state("manual")).isEqualTo(ListenerState.STOPPED);
        assertThat(broker.runtime().consumers().consumerIds("it-life-manual")).isEmpty();
        template.syncSend("it-life-manual", "second");
        await().during(QUIET).atMost(PATIENCE).until(() -> !MANUAL.received().contains("second"));
        registry.startContainer("manual");
        MANUAL.awaitMatch("second"::equals, PATIENCE);
    }

    @Test
    void aStoppedAndRestartedContextConsumesAgain() {
        context.stop();
        assertThat(registry.listeners()).extracting(ListenerInfo::state).containsOnly(ListenerState.STOPPED);
        context.start();

        assertThat(state("restart")).isEqualTo(ListenerState.RUNNING);
        template.syncSend("it-life-restart", "after-restart");
        RESTART.awaitMatch("after-restart"::equals, PATIENCE);
    }

    @Test
    void movingTheManualClockByTenMinutesExpiresNoClient() {
        List<String> members = broker.runtime().consumers().consumerIds("it-life");
        assertThat(members).isNotEmpty();

        clock.advance(Duration.ofMinutes(10));
        ClientHousekeepingService.ScanResult scan = broker.runtime().housekeeping().scanOnce();

        assertThat(scan.expiredConsumers()).isEmpty();
        assertThat(scan.expiredProducers()).isEmpty();
        assertThat(broker.runtime().consumers().consumerIds("it-life")).isEqualTo(members);
    }

    private ListenerState state(String id) {
        return registry.listeners().stream().filter(info -> info.id().equals(id)).findFirst().orElseThrow().state();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Listeners.class)
    static class App {
    }

    static class Listeners {
        @MessageListener(id = "life", topic = "it-life", consumerGroup = "it-life")
        void life(String body) {
            LIFE.add(body);
        }

        @MessageListener(id = "manual", topic = "it-life-manual", consumerGroup = "it-life-manual",
                autoStartup = "false")
        void manual(String body) {
            MANUAL.add(body);
        }

        @MessageListener(id = "restart", topic = "it-life-restart", consumerGroup = "it-life-restart")
        void restart(String body) {
            RESTART.add(body);
        }
    }
}
