package io.nimbusmq.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.converter.CompositeMessageConverter;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.support.MessageBuilder;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.nimbusmq.spring.support.MqMessageConverter;
import io.nimbusmq.spring.support.OrderDto;
import io.nimbusmq.spring.support.TypeHint;

/** The JSON mapper payloads go through: the application's Jackson 3 or Jackson 2 mapper, strict when asked. */
class JsonConverterChoiceTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MqAutoConfiguration.class))
            .withUserConfiguration(MqAutoConfigurationTests.FakeClientConfig.class)
            .withPropertyValues("mq.name-server=127.0.0.1:9876");

    @Test
    void usesTheApplicationsJackson3MapperOnBoot4() {
        runner.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
                .run(context -> assertThat(jsonConverter(context.getBean(MqMessageConverter.class)))
                        .isEqualTo("JacksonJsonMessageConverter"));
    }

    @Test
    void usesTheApplicationsJackson2ObjectMapperAsABoot35ApplicationHasIt() {
        ObjectMapper snakeCase = new ObjectMapper().findAndRegisterModules()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        runner.withBean(ObjectMapper.class, () -> snakeCase).run(context -> {
            MqMessageConverter converter = context.getBean(MqMessageConverter.class);
            assertThat(jsonConverter(converter)).isEqualTo("MappingJackson2MessageConverter");
            String json = new String(converter.toBody(Map.of("customerId", "c-1"), new MessageHeaders(Map.of())),
                    StandardCharsets.UTF_8);
            assertThat(json).isEqualTo("{\"customerId\":\"c-1\"}");
            String record = new String(converter.toBody(new Named("c-1"), new MessageHeaders(Map.of())),
                    StandardCharsets.UTF_8);
            assertThat(record).isEqualTo("{\"customer_id\":\"c-1\"}");
        });
    }

    @Test
    void fallsBackToJackson2WhenJackson3IsNotOnTheClasspath() {
        runner.withClassLoader(new FilteredClassLoader("tools.jackson"))
                .run(context -> assertThat(jsonConverter(context.getBean(MqMessageConverter.class)))
                        .isEqualTo("MappingJackson2MessageConverter"));
    }

    @Test
    void strictJsonRefusesUnknownAndMissingProperties() {
        String wrongType = "{\"invoiceNo\":\"i-1\",\"total\":3}";
        runner.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class)).run(context -> {
            MqMessageConverter lenient = context.getBean(MqMessageConverter.class);
            assertThat(lenient.fromMessage(MessageBuilder.withPayload(wrongType.getBytes(StandardCharsets.UTF_8))
                    .build(), TypeHint.of(OrderDto.class))).isEqualTo(new OrderDto(null, null, null, null));
        });
        runner.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
                .withPropertyValues("mq.consumer.strict-json=true").run(context -> {
                    MqMessageConverter strict = context.getBean(MqMessageConverter.class);
                    assertThatThrownBy(() -> strict.fromMessage(MessageBuilder.withPayload(
                            wrongType.getBytes(StandardCharsets.UTF_8)).build(), TypeHint.of(OrderDto.class)))
                            .isInstanceOf(MessageConversionException.class);
                    String missingDay = "{\"id\":\"o-1\",\"amount\":1,\"createdAt\":\"2026-03-14T09:26:53Z\"}";
                    assertThatThrownBy(() -> strict.fromMessage(MessageBuilder.withPayload(
                            missingDay.getBytes(StandardCharsets.UTF_8)).build(), TypeHint.of(OrderDto.class)))
                            .isInstanceOf(MessageConversionException.class);
                });
    }

    private static String jsonConverter(MqMessageConverter converter) {
        return ((CompositeMessageConverter) converter.messageConverter()).getConverters().get(2).getClass()
                .getSimpleName();
    }

    record Named(String customerId) {
    }
}
