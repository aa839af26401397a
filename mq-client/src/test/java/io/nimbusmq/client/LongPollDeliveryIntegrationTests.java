package io.nimbusmq.client;

import static io.nimbusmq.client.NimbusBrokerExtension.PATIENCE;
import static io.nimbusmq.client.NimbusBrokerExtension.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.nimbusmq.client.consumer.ConsumeStatus;
import io.nimbusmq.client.consumer.ConsumerConfig;
import io.nimbusmq.client.consumer.PushConsumer;
import io.nimbusmq.client.consumer.Subscription;
import io.nimbusmq.client.internal.consumer.ClientPushConsumer;
import io.nimbusmq.client.internal.consumer.ProcessQueue.PullCounts;
import io.nimbusmq.client.producer.Producer;
import io.nimbusmq.client.producer.ProducerConfig;
import io.nimbusmq.remoting.protocol.body.client.ConsumeFromWhere;
import io.nimbusmq.remoting.protocol.body.client.MessageQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The round trip's delivery mechanism, counted rather than timed: a caught-up consumer has one pull held at the
 * broker per queue; a message sent then is delivered by that held pull (the broker's wake-up answers it), and the
 * chain goes on with exactly one new pull, sent at once. No pull is re-issued, none is put off by a timer.
 */
class LongPollDeliveryIntegrationTests {

    @RegisterExtension
    static final NimbusBrokerExtension broker = new NimbusBrokerExtension();

    @Test
    void eachMessageSentWhileAPullIsHeldIsDeliveredByThatPullAndNoTimerRePulls() {
        String topic = broker.createTopic("longpoll", 1);
        List<String> received = new CopyOnWriteArrayList<>();
        PushConsumer consumer = broker.client().pushConsumer(ConsumerConfig.builder(uniqueName("lp"))
                .subscribe(Subscription.all(topic)).consumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET)
                .build(), messages -> {
                    messages.forEach(m -> received.add(new String(m.body(), StandardCharsets.UTF_8)));
                    return ConsumeStatus.SUCCESS;
                });
        consumer.start();
        Producer producer = broker.client().producer(ProducerConfig.builder(uniqueName("lpp")).sendTimeout(PATIENCE)
                .build());
        producer.start();
        await().atMost(PATIENCE).until(() -> consumer.assignment().size() == 1);
        MessageQueue queue = consumer.assignment().get(0);
        await().atMost(PATIENCE).until(() -> counts(consumer, queue).outstanding() == 1);
        PullCounts caughtUp = counts(consumer, queue);

        int messages = 20;
        for (int i = 0; i < messages; i++) {
            PullCounts before = counts(consumer, queue);
            assertThat(before.outstanding()).as("a pull is held at the broker").isEqualTo(1);
            producer.send(new Message(topic, ("m" + i).getBytes(StandardCharsets.UTF_8)));
            int expected = i + 1;
            await().atMost(PATIENCE).until(() -> received.size() == expected
                    && counts(consumer, queue).sent() == before.sent() + 1
                    && counts(consumer, queue).outstanding() == 1);
            PullCounts after = counts(consumer, queue);
            assertThat(after.answered()).as("the held pull answered message %d", i).isEqualTo(before.answered() + 1);
            assertThat(after.sent()).as("one follow-up pull, no re-pull").isEqualTo(before.sent() + 1);
        }

        PullCounts end = counts(consumer, queue);
        assertThat(end.sent() - caughtUp.sent()).isEqualTo(messages);
        assertThat(end.putOff()).as("no pull of the chain waited for a timer").isZero();
        assertThat(received).hasSize(messages);
        producer.close();
        consumer.shutdown(PATIENCE);
    }

    private static PullCounts counts(PushConsumer consumer, MessageQueue queue) {
        return ((ClientPushConsumer) consumer).pullCounts(queue).orElse(new PullCounts(0, 0, 0));
    }
}
