package io.nimbusmq.spring.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import io.nimbusmq.spring.autoconfigure.DevBroker;
import io.nimbusmq.spring.core.MqTemplate;

/**
 * The development broker of an application serves its web console ({@code mq.embedded.console.*}): on by default,
 * on loopback and a free port, its URL logged at start-up, showing the application's topics; off on request.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedConsoleIntegrationTests {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theDevelopmentBrokerServesItsConsoleAndLogsTheUrl(CapturedOutput output) throws Exception {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class)
                .web(WebApplicationType.NONE).properties("mq.embedded.topics=console-orders").run()) {
            DevBroker broker = context.getBean(DevBroker.class);
            String url = broker.consoleUrl().orElseThrow();
            context.getBean(MqTemplate.class).syncSend("console-orders", "{\"order\": 1}");

            assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+/");
            assertThat(output.getOut()).contains("Nimbus MQ console at " + url);
            assertThat(get(url)).contains("<title>");
            String topic = get(url + "api/topics/console-orders");
            assertThat(topic).contains("\"topic\":\"console-orders\"");
            assertThat(get(url + "api/overview")).contains("\"address\":\"" + broker.address() + "\"");
        }
    }

    @Test
    void theConsoleCanBeTurnedOff() throws Exception {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class)
                .web(WebApplicationType.NONE).properties("mq.embedded.console.enabled=false").run()) {
            assertThat(context.getBean(DevBroker.class).consoleUrl()).isEmpty();
        }
    }

    private String get(String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return response.body();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
    }
}
