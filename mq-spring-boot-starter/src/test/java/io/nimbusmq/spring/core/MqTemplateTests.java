package io.nimbusmq.spring.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.messaging.support.MessageBuilder;

import io.nimbusmq.client.Message;
import io.nimbusmq.client.MqClientException;
import io.nimbusmq.client.producer.ProducerConfig;
import io.nimbusmq.spring.FakeMqClient;
import io.nimbusmq.spring.metrics.MqMetrics;
import io.nimbusmq.spring.support.MqHeaders;
import io.nimbusmq.spring.support.MqMessageConverter;
import io.nimbusmq.spring.support.Jackson3Json;
import io.nimbusmq.spring.support.MqMessageConverters;
import io.nimbusmq.spring.support.OrderDto;
import io.nimbusmq.spring.transaction.TransactionSender;
import tools.jackson.databind.json.JsonMapper;

class MqTemplateTests {

    private final FakeMqClient client = new FakeMqClient();
    private final MqTemplate template = new MqTemplate(client.producer(ProducerConfig.builder("p").build()),
            new MqMessageConverter(MqMessageConverters.withJson(
                    Jackson3Json.converter(JsonMapper.builder().build(), false))),
            TransactionSender.NONE, MqMetrics.NONE, Duration.ofSeconds(3));

    private Message lastSent() {
        List<FakeMqClient.Sent> sent = client.sent();
        return sent.get(sent.size() - 1).message();
    }

    private static String text(Message message) {
        return new String(message.body(), StandardCharsets.UTF_8);
    }

    @Test
    void topicAndTagComeFromTheDestination() {
        template.syncSend("orders:created", "hello");
        assertThat(lastSent().topic()).isEqualTo("orders");
        assertThat(lastSent().tags()).isEqualTo("created");
        template.syncSend("orders", "plain");
        assertThat(lastSent().tags()).isNull();
    }

    @Test
    void stringsAreSentAsTextBytesAsIsAndObjectsAsJson() {
        template.syncSend("t", "héllo");
        assertThat(text(lastSent())).isEqualTo("héllo");
        template.syncSend("t", new byte[] {1, 2, 3});
        assertThat(lastSent().body()).containsExactly(1, 2, 3);
        template.syncSend("t", List.of(OrderDto.sample("a")));
        assertThat(text(lastSent())).startsWith("[{\"id\":\"a\",\"amount\":12.50,\"day\":\"2026-03-14\"");
    }

    @Test
    void headersOfASpringMessageBecomeProperties() {
        template.syncSend("t", MessageBuilder.withPayload("x").setHeader(MqHeaders.KEYS, List.of("k1", "k2"))
                .setHeader("region", "eu").setHeader("amount", 150).setHeader("mq_ignored", "no").build());
        Map<String, String> properties = lastSent().properties();
        assertThat(properties).containsEntry("KEYS", "k1 k2").containsEntry("region", "eu")
                .containsEntry("amount", "150").doesNotContainKeys("mq_ignored", "id", "timestamp", "contentType");
    }

    @Test
    void aRawClientMessageIsSentAsItIs() {
        template.syncSend("t:tag", new Message("ignored", new byte[] {9}).keys("k").property("region", "eu"));
        assertThat(lastSent().topic()).isEqualTo("t");
        assertThat(lastSent().body()).containsExactly(9);
        assertThat(lastSent().properties()).containsEntry("KEYS", "k").containsEntry("region", "eu")
                .containsEntry("TAGS", "tag");
    }

    @Test
    void convertAndSendOfSpringMessagingIsASyncSend() {
        template.convertAndSend("t:tag", OrderDto.sample("z"), Map.of("region", "us"));
        assertThat(client.sent().get(0).mode()).isEqualTo("sync");
        assertThat(lastSent().tags()).isEqualTo("tag");
        assertThat(lastSent().properties()).containsEntry("region", "us").doesNotContainKey("contentType");
        assertThat(text(lastSent())).contains("\"id\":\"z\"");
    }

    @Test
    void optionsSetKeysHeadersAndTheOrderlyHashKey() {
        template.syncSend("t", "x", SendOptions.orderly("customer-7").keys("o-1").header("region", "eu"));
        FakeMqClient.Sent sent = client.sent().get(0);
        assertThat(sent.hashKey()).isEqualTo("customer-7");
        assertThat(sent.message().keys()).isEqualTo("o-1");
        assertThat(sent.message().property("region")).isEqualTo("eu");
    }

    @Test
    void everySendModeReachesTheMatchingProducerCall() {
        template.syncSend("t", "1");
        template.asyncSend("t", "2").join();
        template.sendOneWay("t", "3");
        template.syncSendOrderly("t", "4", "k");
        template.asyncSendOrderly("t", "5", "k").join();
        template.sendOneWay("t", "6", SendOptions.orderly("k"));
        template.syncSendBatch("t", List.of("7", "8"));
        template.asyncSendBatch("t", List.of("9")).join();
        assertThat(FakeMqClient.modes(client.sent())).containsExactly("sync", "async", "oneway", "sync", "async",
                "oneway", "batch", "batch", "batch");
        assertThat(client.sent().stream().map(s -> s.hashKey()).toList()).containsExactly(null, null, null, "k",
                "k", "k", null, null, null);
    }

    @Test
    void delaysByLevelByDurationAndByInstant() {
        template.syncSend("t", "x", SendOptions.delayLevel(3));
        assertThat(lastSent().property(Message.PROPERTY_DELAY_LEVEL)).isEqualTo("3");
        template.asyncSendDelayed("t", "x", Duration.ofSeconds(10)).join();
        assertThat(lastSent().property(Message.PROPERTY_TIMER_DELAY_MS)).isEqualTo("10000");
        Instant at = Instant.parse("2030-01-01T08:00:00Z");
        template.syncSend("t", "x", SendOptions.deliverAt(at));
        assertThat(lastSent().property(Message.PROPERTY_TIMER_DELIVER_MS)).isEqualTo(Long.toString(at.toEpochMilli()));
        assertThatThrownBy(() -> new SendOptions(null, 1, Duration.ZERO, null, List.of(), Map.of(), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("choose one");
    }

    @Test
    void requestReplyConvertsTheReplyToAGenericType() {
        client.replyTo("quotes", "[{\"id\":\"q\",\"amount\":1.5,\"day\":\"2026-01-02\",\"createdAt\":\"2026-01-02T03:04:05Z\"}]"
                .getBytes(StandardCharsets.UTF_8));
        List<OrderDto> reply = template.sendAndReceive("quotes", "ask", new ParameterizedTypeReference<>() {
        });
        assertThat(reply).singleElement().satisfies(order -> {
            assertThat(order.id()).isEqualTo("q");
            assertThat(order.createdAt()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
        });
        assertThat(template.sendAndReceive("quotes", "ask", String.class)).startsWith("[{");
    }

    @Test
    void aMissingReplySurfacesAsTheClientsException() {
        assertThatThrownBy(() -> template.sendAndReceive("nobody", "ask", String.class))
                .isInstanceOf(MqClientException.class);
    }

    @Test
    void transactionalSendsNeedAListener() {
        assertThatThrownBy(() -> template.sendInTransaction("orders", "x", null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("@TransactionListener(topics = \"orders\")");
    }

    @Test
    void aBatchNeedsPayloads() {
        assertThatThrownBy(() -> template.syncSendBatch("t", List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
