package io.nimbusmq.broker.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.Channel;
import io.netty.channel.embedded.EmbeddedChannel;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RequestCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsumerIdsChangeNotifierTests {

    private final List<Sent> sent = new ArrayList<>();
    private final ConsumerIdsChangeNotifier notifier =
            new ConsumerIdsChangeNotifier((channel, command) -> sent.add(new Sent(channel, command)));

    @Test
    void sendsOnewayNotificationToEveryActiveChannel() {
        EmbeddedChannel first = new EmbeddedChannel();
        EmbeddedChannel second = new EmbeddedChannel();
        EmbeddedChannel closed = new EmbeddedChannel();
        closed.close();

        notifier.onConsumerIdsChanged("cg", List.of(first, second, closed));

        assertThat(sent).extracting(Sent::channel).containsExactly(first, second);
        assertThat(sent).allSatisfy(each -> {
            assertThat(each.command().code()).isEqualTo(RequestCode.NOTIFY_CONSUMER_IDS_CHANGED);
            assertThat(each.command().isOneway()).isTrue();
            assertThat(each.command().isResponse()).isFalse();
            assertThat(each.command().extFields()).containsExactlyEntriesOf(
                    Map.of("consumerGroup", "cg"));
        });
        assertThat(sent.get(0).command()).isNotSameAs(sent.get(1).command());
        assertThat(sent.get(0).command().opaque()).isNotEqualTo(sent.get(1).command().opaque());
    }

    @Test
    void keepsGoingWhenOneSendFails() {
        EmbeddedChannel failing = new EmbeddedChannel();
        EmbeddedChannel healthy = new EmbeddedChannel();
        ConsumerIdsChangeNotifier notifier = new ConsumerIdsChangeNotifier((channel, command) -> {
            if (channel == failing) {
                throw new IllegalStateException("write failed");
            }
            sent.add(new Sent(channel, command));
        });

        notifier.onConsumerIdsChanged("cg", List.of(failing, healthy));

        assertThat(sent).extracting(Sent::channel).containsExactly(healthy);
    }

    @Test
    void sendsNothingWhenGroupIsEmpty() {
        notifier.onConsumerIdsChanged("cg", List.of());

        assertThat(sent).isEmpty();
    }

    private record Sent(Channel channel, RemotingCommand command) {
    }
}
