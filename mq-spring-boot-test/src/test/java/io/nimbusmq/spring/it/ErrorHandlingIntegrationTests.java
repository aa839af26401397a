package io.nimbusmq.spring.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.handler.annotation.Header;

import io.nimbusmq.spring.annotation.MessageListener;
import io.nimbusmq.spring.core.MqTemplate;
import io.nimbusmq.spring.listener.DeadLetter;
import io.nimbusmq.spring.listener.MqDeadLetterHandler;
import io.nimbusmq.spring.listener.MqListenerErrorHandler;
import io.nimbusmq.spring.support.MqHeaders;
import io.nimbusmq.spring.test.EmbeddedMq;
import io.nimbusmq.spring.test.MessageCollector;

/**
 * Error handling as spring-kafka users know it: a payload that cannot be converted (or, with strict JSON, has the
 * wrong shape) goes to the dead-letter topic at once, without 16 retries; a retryable failure logs one concise line
 * per attempt and the stack trace only at the last; a listener's error handler sees failures first; dead-letter
 * handlers hear of every message given up on.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = ErrorHandlingIntegrationTests.App.class, properties = "mq.consumer.strict-json=true")
@EmbeddedMq(topics = {"it-bad-json", "it-wrong-type", "it-poison", "it-handled"},
        delayLevels = "1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s")
class ErrorHandlingIntegrationTests {

    static final Duration PATIENCE = Duration.ofSeconds(60);
    static final List<DeadLetter> DEAD_LETTERS = new CopyOnWriteArrayList<>();
    static final MessageCollector<String> DLQ = new MessageCollector<>();
    static final MessageCollector<OrderDto> ORDERS = new MessageCollector<>();
    static final List<Integer> POISON_ATTEMPTS = new CopyOnWriteArrayList<>();
    static final MessageCollector<String> HANDLED = new MessageCollector<>();

    @Autowired
    MqTemplate template;

    @Test
    void aPayloadThatCannotBeConvertedGoesToTheDeadLetterTopicAtOnce() {
        template.syncSend("it-bad-json", "{not json");
        assertThat(DLQ.awaitMatch("{not json"::equals, PATIENCE)).isNotNull();
        DeadLetter deadLetter = awaitDeadLetter("it-bad-json");
        assertThat(deadLetter.reason()).isEqualTo(DeadLetter.Reason.NOT_RETRYABLE);
        assertThat(deadLetter.message().reconsumeTimes()).isZero();
        assertThat(deadLetter.listenerId()).isEqualTo("bad-json");
        assertThat(ORDERS.received()).isEmpty();
    }

    @Test
    void withStrictJsonAPayloadOfTheWrongTypeIsNotRetriedEither() {
        template.syncSend("it-wrong-type", "{\"invoiceNo\":\"i-1\",\"total\":3}");
        DeadLetter deadLetter = awaitDeadLetter("it-wrong-type");
        assertThat(deadLetter.reason()).isEqualTo(DeadLetter.Reason.NOT_RETRYABLE);
        assertThat(deadLetter.cause()).isInstanceOf(MessageConversionException.class)
                .hasMessageContaining("Could not read JSON");
    }

    @Test
    void aRetryableFailureLogsOneLinePerAttemptAndTheStackTraceAtTheLast(CapturedOutput output) {
        template.syncSend("it-poison", "poison");
        DeadLetter deadLetter = awaitDeadLetter("it-poison");
        assertThat(deadLetter.reason()).isEqualTo(DeadLetter.Reason.RETRIES_EXHAUSTED);
        assertThat(POISON_ATTEMPTS).containsExactly(0, 1);

        await().atMost(PATIENCE).until(() -> output.getOut().contains("at its last attempt (2 of 2)"));
        List<String> lines = Arrays.stream(output.getOut().split("\\R")).filter(line -> !line.isBlank()).toList();
        int first = indexOf(lines, "Listener poison failed on message");
        assertThat(lines.get(first)).contains("(attempt 1 of 2): IllegalStateException: cannot process poison; "
                + "retrying later");
        assertThat(lines.get(first + 1)).doesNotContain("IllegalStateException");
        int last = indexOf(lines, "at its last attempt (2 of 2); it goes to %DLQ%it-poison");
        assertThat(lines.get(last + 1)).startsWith("java.lang.IllegalStateException: cannot process poison");
        assertThat(lines.get(last + 2)).startsWith("\tat ");
    }

    @Test
    void theListenersErrorHandlerSeesTheFailureFirst() {
        template.syncSend("it-handled", "duplicate-1");
        assertThat(HANDLED.awaitCount(1, PATIENCE)).containsExactly("duplicate-1");
        assertThat(DEAD_LETTERS).noneMatch(d -> d.message().topic().equals("it-handled"));
    }

    private static DeadLetter awaitDeadLetter(String topic) {
        await().atMost(PATIENCE).until(() -> DEAD_LETTERS.stream().anyMatch(d -> d.message().topic().equals(topic)));
        return DEAD_LETTERS.stream().filter(d -> d.message().topic().equals(topic)).findFirst().orElseThrow();
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("no line contains " + text);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Listeners.class)
    static class App {
        @Bean
        MqDeadLetterHandler recordDeadLetters() {
            return DEAD_LETTERS::add;
        }

        @Bean
        MqListenerErrorHandler duplicatesAreFine() {
            return (message, failure) -> {
                if (failure.getCause() instanceof IllegalStateException duplicate
                        && duplicate.getMessage().startsWith("duplicate")) {
                    HANDLED.add(duplicate.getMessage());
                    return null;
                }
                throw failure;
            };
        }
    }

    static class Listeners {
        @MessageListener(id = "bad-json", topic = "it-bad-json", consumerGroup = "it-bad-json")
        void badJson(OrderDto order) {
            ORDERS.add(order);
        }

        @MessageListener(topic = "%DLQ%it-bad-json", consumerGroup = "it-bad-json-inspector")
        void deadLetters(String body) {
            DLQ.add(body);
        }

        @MessageListener(topic = "it-wrong-type", consumerGroup = "it-wrong-type")
        void wrongType(OrderDto order) {
            ORDERS.add(order);
        }

        @MessageListener(id = "poison", topic = "it-poison", consumerGroup = "it-poison", maxReconsumeTimes = "1")
        void poison(String body, @Header(MqHeaders.RECONSUME_TIMES) int reconsumeTimes) {
            POISON_ATTEMPTS.add(reconsumeTimes);
            throw new IllegalStateException("cannot process " + body);
        }

        @MessageListener(topic = "it-handled", consumerGroup = "it-handled", errorHandler = "duplicatesAreFine")
        void handled(String body) {
            throw new IllegalStateException(body);
        }
    }
}
