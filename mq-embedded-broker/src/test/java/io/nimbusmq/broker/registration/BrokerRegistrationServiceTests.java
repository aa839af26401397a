package io.nimbusmq.broker.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nimbusmq.remoting.protocol.body.TopicConfig;
import io.nimbusmq.namesrv.MutableClock;
import io.nimbusmq.remoting.protocol.body.DataVersion;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BrokerRegistrationServiceTests {

    private static final BrokerIdentity BROKER = BrokerIdentity.master("broker-a", "127.0.0.1:10911");

    private final MutableClock clock = new MutableClock();
    private final RecordingRegistrar registrar = new RecordingRegistrar();
    private final AtomicReference<List<TopicConfig>> topics = new AtomicReference<>(List.of(TopicConfig.of("T", 4)));
    private final BrokerRegistrationService service = new BrokerRegistrationService(BROKER, registrar, topics::get,
            Duration.ofSeconds(30), clock);

    @AfterEach
    void stop() {
        service.shutdown();
    }

    @Test
    void registersAllTopicsAtStart() throws Exception {
        service.start();
        service.registerNow().get(30, TimeUnit.SECONDS);

        assertThat(registrar.registrations).hasSize(2);
        Registration first = registrar.registrations.get(0);
        assertThat(first.broker()).isEqualTo(BROKER);
        assertThat(first.topics()).containsExactly(TopicConfig.of("T", 4));
        assertThat(first.dataVersion()).isEqualTo(DataVersion.initial(clock.millis()));
    }

    @Test
    void aTopicChangeMovesTheDataVersionOn() throws Exception {
        service.registerNow().get(30, TimeUnit.SECONDS);
        clock.advance(Duration.ofSeconds(5));
        topics.set(List.of(TopicConfig.of("T", 4), TopicConfig.of("U", 2)));

        service.registerNow().get(30, TimeUnit.SECONDS);

        Registration second = registrar.registrations.get(1);
        assertThat(second.topics()).extracting(TopicConfig::topicName).containsExactly("T", "U");
        assertThat(second.dataVersion()).isEqualTo(new DataVersion(1, 0, clock.millis()));
        assertThat(service.dataVersion()).isEqualTo(second.dataVersion());
    }

    @Test
    void unchangedTopicsKeepTheDataVersion() throws Exception {
        service.registerNow().get(30, TimeUnit.SECONDS);
        clock.advance(Duration.ofSeconds(30));

        service.registerNow().get(30, TimeUnit.SECONDS);

        assertThat(registrar.registrations.get(1).dataVersion()).isEqualTo(registrar.registrations.get(0).dataVersion());
    }

    @Test
    void clampsThePeriodToTenToSixtySeconds() {
        assertThat(BrokerRegistrationService.clampPeriod(Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(10));
        assertThat(BrokerRegistrationService.clampPeriod(Duration.ofMinutes(5))).isEqualTo(Duration.ofSeconds(60));
        assertThat(BrokerRegistrationService.clampPeriod(Duration.ofSeconds(20))).isEqualTo(Duration.ofSeconds(20));
        assertThat(BrokerRegistrationService.clampPeriod(null)).isEqualTo(Duration.ofSeconds(30));
        assertThat(service.period()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void shutdownUnregistersOnceRegistered() throws Exception {
        service.registerNow().get(30, TimeUnit.SECONDS);

        service.shutdown();
        service.shutdown();

        assertThat(registrar.unregistrations).containsExactly(BROKER);
        assertThatThrownBy(() -> service.registerNow().get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void shutdownWithoutRegistrationDoesNotUnregister() {
        service.shutdown();

        assertThat(registrar.unregistrations).isEmpty();
    }

    @Test
    void reportsFailuresAndKeepsGoing() throws Exception {
        registrar.failNext = true;
        assertThatThrownBy(() -> service.registerNow().get(30, TimeUnit.SECONDS))
                .hasCauseInstanceOf(NameServerRegistrationException.class);

        topics.set(null);
        assertThatThrownBy(() -> service.registerNow().get(30, TimeUnit.SECONDS))
                .hasCauseInstanceOf(NullPointerException.class);

        topics.set(List.of());
        service.registerNow().get(30, TimeUnit.SECONDS);
        assertThat(registrar.registrations).hasSize(2);
    }

    private record Registration(BrokerIdentity broker, List<TopicConfig> topics, DataVersion dataVersion) {
    }

    private static final class RecordingRegistrar implements NameServerRegistrar {
        final List<Registration> registrations = new CopyOnWriteArrayList<>();
        final List<BrokerIdentity> unregistrations = new CopyOnWriteArrayList<>();
        volatile boolean failNext;

        @Override
        public CompletableFuture<Void> register(BrokerIdentity broker, Collection<TopicConfig> topics,
                                                DataVersion dataVersion) {
            registrations.add(new Registration(broker, List.copyOf(topics), dataVersion));
            if (failNext) {
                failNext = false;
                return CompletableFuture.failedFuture(new NameServerRegistrationException("refused"));
            }
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> unregister(BrokerIdentity broker) {
            unregistrations.add(broker);
            return CompletableFuture.completedFuture(null);
        }
    }
}
