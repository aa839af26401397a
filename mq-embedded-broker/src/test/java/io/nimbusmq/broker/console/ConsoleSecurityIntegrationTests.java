package io.nimbusmq.broker.console;

import static io.nimbusmq.broker.console.ConsoleTopicApiIntegrationTests.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.Map;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import io.nimbusmq.broker.auth.plain.AclConfig;
import io.nimbusmq.remoting.tls.TlsMode;
import io.nimbusmq.remoting.tls.TlsServerConfig;
import io.nimbusmq.testkit.TestCertificates;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The console with access control and TLS on: HTTPS with the broker's certificate, a login with an admin user of
 * {@code plain_acl.yml}, write protection against other sites, and login throttling.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleSecurityIntegrationTests {

    private static final Path DIR = tempDir();
    private static final TestCertificates.Pem CERT = TestCertificates.selfSigned(DIR, "console");

    @RegisterExtension
    static final ConsoleBroker broker = new ConsoleBroker(builder -> builder
            .acl(new AclConfig(true, aclFile(), 100))
            .tls(TlsServerConfig.of(TlsMode.PERMISSIVE, CERT.certificate(), CERT.privateKey())));

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("nimbus-console-security-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path aclFile() {
        Path file = DIR.resolve("plain_acl.yml");
        try {
            Files.writeString(file, """
                    accounts:
                      - accessKey: console-admin
                        secretKey: admin-secret-1
                        admin: true
                      - accessKey: orders-app
                        secretKey: orders-secret-1
                        admin: false
                        defaultTopicPerm: PUB|SUB
                        defaultGroupPerm: SUB
                    """);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private ConsoleHttp https() {
        return new ConsoleHttp(broker.consoleUrl(), trustingTheBrokerCertificate());
    }

    @Test
    void servesHttpsWithTheBrokersCertificateAndAsksForALogin() {
        ConsoleHttp http = https();

        assertThat(broker.consoleUrl()).startsWith("https://127.0.0.1:");
        assertThat(http.get("/").status()).isEqualTo(200);
        assertThat(http.get("/api/session").json().path("loginRequired").asBoolean()).isTrue();
        assertRefused(http.get("/api/topics"), 401, "Log in with an admin user");
        assertRefused(http.post("/api/topics", Map.of("topic", "sneaky")), 401, "Log in");
        assertThat(broker.broker().runtime().topics().find("sneaky")).isNull();
    }

    @Test
    void admitsAnAdminUserOnlyAndEndsTheSessionAtLogout() {
        ConsoleHttp http = https();

        assertRefused(http.post("/api/login", Map.of("accessKey", "console-admin", "secretKey", "wrong-secret")), 401,
                "Unknown access key or wrong secret key.");
        assertRefused(http.post("/api/login", Map.of("accessKey", "nobody-at-all", "secretKey", "x-secret-x")), 401,
                "Unknown access key or wrong secret key.");
        assertRefused(http.post("/api/login", Map.of("accessKey", "orders-app", "secretKey", "orders-secret-1")),
                401, "is not an admin");
        var login = http.post("/api/login", Map.of("accessKey", "console-admin", "secretKey", "admin-secret-1"));

        assertThat(login.status()).isEqualTo(200);
        String setCookie = login.response().headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).contains("HttpOnly", "SameSite=Strict", "Secure");
        http.cookie(setCookie.substring(0, setCookie.indexOf(';')));
        assertThat(http.get("/api/session").json().path("user").asText()).isEqualTo("console-admin");
        assertThat(http.get("/api/topics").status()).isEqualTo(200);
        String topic = ConsoleBroker.uniqueName("by-admin");
        assertThat(http.post("/api/topics", Map.of("topic", topic)).status()).isEqualTo(201);
        assertThat(broker.broker().runtime().topics().find(topic)).isNotNull();

        assertThat(http.post("/api/logout", null).status()).isEqualTo(204);
        assertRefused(http.get("/api/topics"), 401, "Log in");
    }

    @Test
    void refusesChangesThatDoNotComeFromTheConsolePage() {
        ConsoleHttp http = https();
        var login = http.post("/api/login", Map.of("accessKey", "console-admin", "secretKey", "admin-secret-1"));
        String setCookie = login.response().headers().firstValue("Set-Cookie").orElseThrow();
        http.cookie(setCookie.substring(0, setCookie.indexOf(';')));

        assertRefused(http.raw("POST", "/api/topics", "{\"topic\":\"forged\"}".getBytes(), Map.of()), 403,
                "X-Nimbus-Console header is missing");
        assertRefused(http.raw("POST", "/api/topics", "{\"topic\":\"forged\"}".getBytes(),
                Map.of("X-Nimbus-Console", "1", "Origin", "https://evil.example")), 403, "from another site");

        assertThat(broker.broker().runtime().topics().find("forged")).isNull();
    }

    /** Last: the other tests' logins come from the same address. */
    @Test
    @Order(Integer.MAX_VALUE)
    void throttlesRepeatedFailedLogins() {
        ConsoleHttp http = https();
        for (int i = 0; i < 5; i++) {
            http.post("/api/login", Map.of("accessKey", "console-admin", "secretKey", "guess-" + i));
        }

        assertRefused(http.post("/api/login", Map.of("accessKey", "console-admin", "secretKey", "admin-secret-1")),
                429, "Too many failed logins");
    }

    private static HttpClient trustingTheBrokerCertificate() {
        try (InputStream in = Files.newInputStream(CERT.certificate())) {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            trust.setCertificateEntry("broker", CertificateFactory.getInstance("X.509").generateCertificate(in));
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return HttpClient.newBuilder().sslContext(context).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
