package io.nimbusmq.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.nimbusmq.client.Connectivity;
import io.nimbusmq.client.MqClient;

/** {@code mq.client.fail-fast}: a start with no name server answering fails with an analysis, or goes on without. */
class FailFastTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MqAutoConfiguration.class))
            .withPropertyValues("mq.client.request-timeout=2s");

    @Test
    void failFastRefusesToStartWhenNoNameServerAnswers() throws IOException {
        String dead = "127.0.0.1:" + closedPort();
        runner.withPropertyValues("mq.name-server=" + dead, "mq.client.fail-fast=true").run(context -> {
            assertThat(context).hasFailed();
            Throwable cause = context.getStartupFailure();
            while (!(cause instanceof NameServerUnreachableException) && cause.getCause() != null) {
                cause = cause.getCause();
            }
            assertThat(cause).isInstanceOf(NameServerUnreachableException.class)
                    .hasMessageContaining("No name server answered within 2000 ms: " + dead);
            FailureAnalysis analysis = new NameServerUnreachableFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).startsWith("Nimbus MQ cannot reach its name server.");
            assertThat(analysis.getAction()).contains("Check mq.name-server");
        });
    }

    @Test
    void withoutFailFastTheApplicationStartsAndKnowsTheNameServerIsDown() throws IOException {
        runner.withPropertyValues("mq.name-server=127.0.0.1:" + closedPort()).run(context -> {
            assertThat(context).hasNotFailed();
            MqClient client = context.getBean(MqClient.class);
            assertThat(client.probeNameServers(java.time.Duration.ofSeconds(2)).nameServers())
                    .extracting(Connectivity.Server::status).containsExactly(Connectivity.Status.DOWN);
        });
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
