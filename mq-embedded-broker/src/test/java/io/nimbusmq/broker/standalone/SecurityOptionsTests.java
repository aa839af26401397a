package io.nimbusmq.broker.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import io.nimbusmq.broker.auth.SecurityConfig;
import io.nimbusmq.broker.auth.acl2.AuthConfig;
import io.nimbusmq.broker.auth.plain.AclConfig;
import io.nimbusmq.remoting.acl.SessionCredentials;
import io.nimbusmq.remoting.tls.TlsMode;
import io.nimbusmq.remoting.tls.TlsServerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standalone launcher's security options: ACL 1.0, ACL 2.0, TLS and the name-server credentials. */
class SecurityOptionsTests {

    @TempDir
    Path dir;

    @Test
    void everythingIsOffByDefault() throws Exception {
        SecurityConfig security = parse();

        assertThat(security.acl().enabled()).isFalse();
        assertThat(security.auth()).isEqualTo(AuthConfig.disabled());
        assertThat(security.tls().mode()).isEqualTo(TlsMode.DISABLED);
        assertThat(security.nameServerCredentials()).isNull();
    }

    @Test
    void aclOneWithItsFileOrTheDefaultFile() throws Exception {
        assertThat(parse("--acl-enable", "true", "--acl-file", "/etc/mq/plain_acl.yml").acl())
                .isEqualTo(AclConfig.plainAcl(Path.of("/etc/mq/plain_acl.yml")));
        assertThat(parse("--acl-enable=TRUE").acl()).isEqualTo(AclConfig.plainAcl(Path.of("conf/plain_acl.yml")));
        assertThat(parse("--acl-enable", "false", "--acl-file", "ignored.yml").acl().enabled()).isFalse();
        assertThatThrownBy(() -> parse("--acl-enable", "yes")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("acl-enable must be true or false: yes");
    }

    @Test
    void aclTwoWithItsInitialSuperUser() throws Exception {
        AuthConfig auth = parse("--authentication-enabled", "true", "--authorization-enabled", "true",
                "--init-authentication-user", "admin:secret:with:colons").auth();

        assertThat(auth.authenticationEnabled()).isTrue();
        assertThat(auth.authorizationEnabled()).isTrue();
        assertThat(auth.initUser()).isEqualTo(new SessionCredentials("admin", "secret:with:colons"));
        assertThat(parse("--authentication-enabled", "true").auth())
                .isEqualTo(new AuthConfig(true, false, null));
        assertThatThrownBy(() -> parse("--init-authentication-user", "admin"))
                .hasMessage("init-authentication-user must be NAME:PASSWORD");
        assertThatThrownBy(() -> parse("--init-authentication-user", ":secret"))
                .hasMessage("init-authentication-user must be NAME:PASSWORD");
        assertThatThrownBy(() -> parse("--mode", "namesrv", "--authentication-enabled", "true"))
                .as("not silently ignored").hasMessageContaining("a name server has no ACL 2.0");
    }

    @Test
    void tlsWithCertificateKeyPasswordAndClientCertificates() throws Exception {
        Path cert = Files.writeString(dir.resolve("server.crt"), "cert");
        Path key = Files.writeString(dir.resolve("server.key"), "key");
        Path ca = Files.writeString(dir.resolve("ca.crt"), "ca");

        TlsServerConfig tls = parse("--tls-mode", "permissive", "--tls-cert", cert.toString(), "--tls-key",
                key.toString(), "--tls-key-password", "kp", "--tls-client-auth", "require", "--tls-trust-cert",
                ca.toString()).tls();

        assertThat(tls.mode()).isEqualTo(TlsMode.PERMISSIVE);
        assertThat(tls.certificateChain()).isEqualTo(cert);
        assertThat(tls.privateKey()).isEqualTo(key);
        assertThat(tls.privateKeyPassword()).isEqualTo("kp");
        assertThat(tls.clientAuth()).isEqualTo(TlsServerConfig.ClientAuth.REQUIRE);
        assertThat(tls.trustedCertificates()).isEqualTo(ca);
        assertThat(parse("--tls-mode", "enforcing", "--tls-cert", cert.toString(), "--tls-key", key.toString())
                .tls().clientAuth()).isEqualTo(TlsServerConfig.ClientAuth.NONE);
    }

    @Test
    void tlsMistakesAreNamed() throws Exception {
        Path cert = Files.writeString(dir.resolve("server.crt"), "cert");

        assertThatThrownBy(() -> parse("--tls-mode", "enforcing", "--tls-cert", cert.toString()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("the server private key");
        assertThatThrownBy(() -> parse("--tls-mode", "strict")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("strict");
        assertThatThrownBy(() -> parse("--tls-mode", "enforcing", "--tls-cert", cert.toString(), "--tls-key",
                cert.toString(), "--tls-client-auth", "maybe")).hasMessageContaining("none, optional or require");
    }

    @Test
    void nameServerCredentialsAndAFileThatTheCommandLineOverrides() throws Exception {
        Path file = Files.writeString(dir.resolve("broker.yml"), """
                acl-enable: true
                authentication-enabled: true
                namesrv-access-key: broker-admin
                namesrv-secret-key: broker-secret
                """);

        SecurityConfig security = parse("--config", file.toString(), "--acl-enable", "false");

        assertThat(security.acl().enabled()).isFalse();
        assertThat(security.auth().authenticationEnabled()).isTrue();
        assertThat(security.nameServerCredentials()).isEqualTo(new SessionCredentials("broker-admin",
                "broker-secret"));
        assertThat(security.nameServerCredentials().toString()).doesNotContain("broker-secret");
        assertThatThrownBy(() -> parse("--acl-password", "x")).hasMessageContaining("unknown setting 'acl-password'");
    }

    private static SecurityConfig parse(String... args) throws Exception {
        return LauncherOptions.parse(args).broker().security();
    }
}
