package io.nimbusmq.broker.client;

import static io.nimbusmq.broker.client.ConsumerManagerTests.client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.netty.channel.embedded.EmbeddedChannel;
import io.nimbusmq.remoting.protocol.body.client.ConsumeFromWhere;
import io.nimbusmq.remoting.protocol.body.client.ConsumeType;
import io.nimbusmq.remoting.protocol.body.client.MessageModel;
import io.nimbusmq.remoting.protocol.body.client.MessageQueue;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientHousekeepingServiceTests {

    private final MutableClock clock = new MutableClock(1_000);
    private final ConsumerManager consumers = new ConsumerManager();
    private final ProducerManager producers = new ProducerManager();
    private final RebalanceLockManager locks = new RebalanceLockManager();
    private final ClientHousekeepingService housekeeping = new ClientHousekeepingService(consumers, producers, locks,
            clock, ClientHousekeepingConfig.defaults());
    private final EmbeddedChannel silent = new EmbeddedChannel();
    private final EmbeddedChannel lively = new EmbeddedChannel();

    @Test
    void expiresSilentClientsAndClosesTheirChannels() {
        registerConsumer(silent, "silent", 1_000);
        producers.register("pg", client(silent, "silent", 1_000));
        registerConsumer(lively, "lively", 1_000);
        locks.tryLockBatch("cg", List.of(new MessageQueue("T", "b", 0)), "silent", 50_000);

        clock.setMillis(100_000);
        registerConsumer(lively, "lively", 100_000);
        assertThat(housekeeping.scanOnce().isEmpty()).isTrue();

        clock.setMillis(121_001);
        ClientHousekeepingService.ScanResult result = housekeeping.scanOnce();

        assertThat(result.expiredConsumers()).extracting(ClientChannelInfo::clientId).containsExactly("silent");
        assertThat(result.expiredProducers()).extracting(ClientChannelInfo::clientId).containsExactly("silent");
        assertThat(result.expiredLocks()).isEqualTo(1);
        assertThat(silent.isOpen()).isFalse();
        assertThat(lively.isOpen()).isTrue();
        assertThat(consumers.consumerIds("cg")).containsExactly("lively");
        assertThat(producers.groups()).isEmpty();
    }

    @Test
    void closedChannelIsDroppedAtOnce() {
        registerConsumer(silent, "silent", 1_000);
        producers.register("pg", client(silent, "silent", 1_000));

        housekeeping.onClose(silent);

        assertThat(consumers.groups()).isEmpty();
        assertThat(producers.groups()).isEmpty();
    }

    @Test
    void startsAndStopsItsThread() {
        housekeeping.start();
        housekeeping.start();
        housekeeping.close();
        housekeeping.close();
    }

    @Test
    void configChecksValues() {
        assertThat(ClientHousekeepingConfig.defaults())
                .isEqualTo(new ClientHousekeepingConfig(10_000, 120_000));
        assertThatIllegalArgumentException().isThrownBy(() -> new ClientHousekeepingConfig(0, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new ClientHousekeepingConfig(1, -1));
    }

    private void registerConsumer(EmbeddedChannel channel, String clientId, long nowMillis) {
        consumers.register("cg", client(channel, clientId, nowMillis), ConsumeType.CONSUME_PASSIVELY,
                MessageModel.CLUSTERING, ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET, List.of());
    }

    /** A clock the test moves by hand. */
    private static final class MutableClock extends Clock {

        private volatile long millis;

        MutableClock(long millis) {
            this.millis = millis;
        }

        void setMillis(long millis) {
            this.millis = millis;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public long millis() {
            return millis;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }
    }
}
