package io.nimbusmq.namesrv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.channel.embedded.EmbeddedChannel;
import io.nimbusmq.remoting.protocol.body.TopicConfig;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BrokerHousekeepingServiceTests {

    private final MutableClock clock = new MutableClock();
    private final RouteInfoManager routes = new RouteInfoManager(clock);
    private final BrokerHousekeepingService housekeeping = new BrokerHousekeepingService(routes, clock, 5_000);

    @AfterEach
    void stop() {
        housekeeping.shutdown();
    }

    @Test
    void scanRemovesBrokersSilentLongerThanTheirTimeoutAtTheClocksTime() {
        routes.registerBroker(RouteInfoManagerTests.master("broker-a", "10.0.0.1:10911"),
                RouteInfoManagerTests.body(1, TopicConfig.of("T", 4)), null);

        clock.advance(Duration.ofSeconds(60));
        assertThat(housekeeping.scanOnce()).isZero();

        clock.advance(Duration.ofSeconds(61));
        assertThat(housekeeping.scanOnce()).isEqualTo(1);
        assertThat(routes.topicRoute("T")).isEmpty();
    }

    @Test
    void periodicScanRunsOnItsOwnThread() {
        BrokerHousekeepingService fast = new BrokerHousekeepingService(routes, clock, 10);
        try {
            routes.registerBroker(RouteInfoManagerTests.master("broker-a", "10.0.0.1:10911"),
                    RouteInfoManagerTests.body(1, TopicConfig.of("T", 4)), null);
            fast.start();
            clock.advance(Duration.ofMinutes(3));

            await().atMost(Duration.ofSeconds(30)).until(() -> routes.liveBrokerCount() == 0);
        } finally {
            fast.shutdown();
        }
    }

    @Test
    void closedChannelIsHandedToTheHousekeepingThread() {
        EmbeddedChannel channel = new EmbeddedChannel();
        routes.registerBroker(RouteInfoManagerTests.master("broker-a", "10.0.0.1:10911"),
                RouteInfoManagerTests.body(1, TopicConfig.of("T", 4)), channel);

        housekeeping.channelClosed(channel);

        await().atMost(Duration.ofSeconds(30)).until(() -> routes.liveBrokerCount() == 0);
    }

    @Test
    void closedChannelsAreIgnoredAfterShutdown() {
        housekeeping.shutdown();

        housekeeping.channelClosed(new EmbeddedChannel());

        assertThat(routes.liveBrokerCount()).isZero();
    }
}
