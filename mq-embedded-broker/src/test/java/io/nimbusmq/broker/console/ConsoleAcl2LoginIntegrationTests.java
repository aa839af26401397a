package io.nimbusmq.broker.console;

import static io.nimbusmq.broker.console.ConsoleTopicApiIntegrationTests.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.nimbusmq.broker.auth.acl2.AuthConfig;
import io.nimbusmq.remoting.acl.SessionCredentials;
import org.apache.rocketmq.acl.common.AclClientRPCHook;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The console's login with ACL 2.0 on: the broker's initial super user logs in; users are managed with the official
 * admin client ({@code mqadmin createUser/updateUser}) and the console follows without a restart: a Normal user is
 * refused, the same user made Super is admitted, a disabled super user is refused.
 */
class ConsoleAcl2LoginIntegrationTests {

    private static final SessionCredentials SUPER = new SessionCredentials("console-super", "super-password-1");

    @RegisterExtension
    static final ConsoleBroker broker = new ConsoleBroker(builder -> builder.auth(AuthConfig.enabled(SUPER)));

    private static DefaultMQAdminExt users;

    @BeforeAll
    static void startUserAdmin() throws Exception {
        users = new DefaultMQAdminExt(new AclClientRPCHook(new org.apache.rocketmq.acl.common.SessionCredentials(
                SUPER.accessKey(), SUPER.secretKey())), 10_000);
        users.setNamesrvAddr(broker.broker().address());
        users.setInstanceName(ConsoleBroker.uniqueName("users"));
        users.setAdminExtGroup(ConsoleBroker.uniqueName("users_group"));
        users.start();
    }

    @AfterAll
    static void stopUserAdmin() {
        if (users != null) {
            users.shutdown();
        }
    }

    @Test
    void admitsTheSuperUserOfAclTwo() {
        ConsoleHttp http = new ConsoleHttp(broker.consoleUrl());
        assertThat(http.get("/api/session").json().path("loginRequired").asBoolean()).isTrue();
        assertRefused(http.get("/api/topics"), 401, "Log in");
        assertRefused(http.post("/api/login", Map.of("accessKey", SUPER.accessKey(), "secretKey", "wrong-password")),
                401, "Unknown access key or wrong secret key.");

        logIn(http, SUPER.accessKey(), SUPER.secretKey());

        assertThat(http.get("/api/session").json().path("user").asText()).isEqualTo(SUPER.accessKey());
        String topic = ConsoleBroker.uniqueName("by-super");
        assertThat(http.post("/api/topics", Map.of("topic", topic)).status()).isEqualTo(201);
        assertThat(broker.broker().runtime().topics().find(topic)).isNotNull();
    }

    @Test
    void followsUserChangesMadeWithTheOfficialAdminClient() throws Exception {
        String user = ConsoleBroker.uniqueName("operator");
        String address = broker.broker().address();
        users.createUser(address, user, "operator-password", "Normal");
        ConsoleHttp http = new ConsoleHttp(broker.consoleUrl());

        assertRefused(http.post("/api/login", Map.of("accessKey", user, "secretKey", "operator-password")), 401,
                "is not an admin");

        users.updateUser(address, user, null, "Super", null);
        logIn(http, user, "operator-password");
        assertThat(http.get("/api/topics").status()).isEqualTo(200);

        users.updateUser(address, user, null, null, "disable");
        assertRefused(new ConsoleHttp(broker.consoleUrl()).post("/api/login",
                Map.of("accessKey", user, "secretKey", "operator-password")), 401, "is disabled");
    }

    private static void logIn(ConsoleHttp http, String accessKey, String secretKey) {
        var login = http.post("/api/login", Map.of("accessKey", accessKey, "secretKey", secretKey));
        assertThat(login.status()).isEqualTo(200);
        String setCookie = login.response().headers().firstValue("Set-Cookie").orElseThrow();
        http.cookie(setCookie.substring(0, setCookie.indexOf(';')));
    }
}
