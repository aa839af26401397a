package io.nimbusmq.broker.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import io.nimbusmq.broker.EmbeddedBroker;
import io.nimbusmq.broker.auth.plain.AclFileWatcher;
import io.nimbusmq.broker.auth.plain.PlainAccessControl;
import io.nimbusmq.namesrv.NameServer;
import io.nimbusmq.namesrv.StandaloneNameServer;
import io.nimbusmq.remoting.acl.SessionCredentials;
import io.nimbusmq.remoting.netty.RemotingConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A standalone name server with ACL on accepts only signed registrations of an admin user. */
class NameServerAclIntegrationTests {

    @TempDir
    Path dir;
    private AclFileWatcher watcher;
    private StandaloneNameServer nameServer;

    @BeforeEach
    void startNameServer() throws Exception {
        Path file = dir.resolve("plain_acl.yml");
        Files.writeString(file, """
                accounts:
                  - accessKey: broker-admin
                    secretKey: broker-secret
                    admin: true
                  - accessKey: app-user
                    secretKey: app-secret
                    defaultTopicPerm: PUB|SUB
                """);
        watcher = new AclFileWatcher(file, 60_000).start();
        nameServer = NameServer.standalone(RemotingConfig.defaults(),
                new AclPreprocessor(List.of(new PlainAccessControl(watcher::current)), Clock.systemUTC()));
        nameServer.start();
    }

    @AfterEach
    void stop() {
        nameServer.close();
        watcher.close();
    }

    @Test
    void aBrokerSigningAsAnAdminRegisters() {
        try (EmbeddedBroker broker = broker("signed", new SessionCredentials("broker-admin", "broker-secret"))) {
            broker.start();

            assertThat(nameServer.nameServer().routeInfoManager().clusterInfo().brokerAddrTable())
                    .containsKey("signed");
        }
    }

    @Test
    void unsignedOrNonAdminRegistrationsAreRefused() {
        try (EmbeddedBroker unsigned = broker("unsigned", null)) {
            assertThatThrownBy(unsigned::start).hasStackTraceContaining("No accessKey is configured");
        }
        try (EmbeddedBroker notAdmin = broker("not-admin", new SessionCredentials("app-user", "app-secret"))) {
            assertThatThrownBy(notAdmin::start).hasStackTraceContaining(
                    "Need admin permission for request code=103, but accessKey=app-user is not");
        }
        assertThat(nameServer.nameServer().routeInfoManager().clusterInfo().brokerAddrTable()).isEmpty();
    }

    private EmbeddedBroker broker(String name, SessionCredentials credentials) {
        return EmbeddedBroker.builder().port(0).storeDir(dir.resolve(name)).brokerName(name)
                .nameServerAddresses(List.of(nameServer.address())).nameServerCredentials(credentials).build();
    }
}
