package io.nimbusmq.broker.auth.acl2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import io.nimbusmq.broker.auth.AccessRule;
import io.nimbusmq.broker.auth.AclUser;
import io.nimbusmq.broker.auth.Action;
import io.nimbusmq.broker.auth.PolicyType;
import io.nimbusmq.remoting.protocol.body.RemotingJson;
import io.nimbusmq.remoting.protocol.body.auth.AclInfo;
import io.nimbusmq.remoting.protocol.body.auth.AclInfo.PolicyEntryInfo;
import io.nimbusmq.remoting.protocol.body.auth.AclInfo.PolicyInfo;
import io.nimbusmq.remoting.protocol.body.auth.UserInfo;
import org.junit.jupiter.api.Test;

class AuthBodiesTests {

    @Test
    void readsWhatMqadminSendsAndWritesWhatRocketMqAnswers() {
        AclInfo sent = RemotingJson.decode("""
                {"policies":[{"entries":[{"actions":["Pub","sub"],"decision":"Allow","resource":"Topic:orders*",
                "sourceIps":["10.0.0.0/8"]}]}],"subject":"User:app"}""", AclInfo.class);

        List<AccessRule> rules = AuthBodies.rules(sent);
        AclUser user = new AclUser("app", "app-password", false, true, null, rules);

        assertThat(rules).singleElement().satisfies(rule -> {
            assertThat(rule.actions()).containsExactlyInAnyOrder(Action.PUB, Action.SUB);
            assertThat(rule.policyType()).isEqualTo(PolicyType.CUSTOM);
            assertThat(rule.allow()).isTrue();
        });
        assertThat(RemotingJson.toJson(AuthBodies.aclInfo(user, resource -> true))).isEqualTo(
                "{\"policies\":[{\"entries\":[{\"actions\":[\"Pub\",\"Sub\"],\"decision\":\"Allow\","
                        + "\"resource\":\"Topic:orders*\",\"sourceIps\":[\"10.0.0.0/8\"]}],\"policyType\":\"Custom\"}],"
                        + "\"subject\":\"User:app\"}");
        assertThat(AuthBodies.aclInfo(user, resource -> resource.startsWith("Group:"))).as("nothing left").isNull();
    }

    @Test
    void usersDefaultToNormalAndEnabledAndUpdatesChangeOnlyWhatIsSet() {
        AclUser created = AuthBodies.newUser(new UserInfo("app", "app-password", null, null));
        AclUser updated = AuthBodies.updated(created, new UserInfo("app", "", "super", "Disable"));

        assertThat(RemotingJson.toJson(AuthBodies.userInfo(created))).isEqualTo(
                "{\"password\":\"app-password\",\"userStatus\":\"enable\",\"userType\":\"Normal\",\"username\":\"app\"}");
        assertThat(updated.secretKey()).as("a blank password keeps the old one").isEqualTo("app-password");
        assertThat(updated.admin()).isTrue();
        assertThat(updated.enabled()).isFalse();
        assertThat(new UserInfo("app", "app-password", null, null).toString()).doesNotContain("app-password");
    }

    @Test
    void invalidUsersAreRefusedWithRocketMqsMessages() {
        assertThatThrownBy(() -> AuthBodies.newUser(new UserInfo(" ", "pw", null, null)))
                .hasMessage("username can not be blank");
        assertThatThrownBy(() -> AuthBodies.newUser(new UserInfo("app", null, null, null)))
                .hasMessage("password can not be blank");
        assertThatThrownBy(() -> AuthBodies.newUser(new UserInfo("app", "pw", "Root", null)))
                .hasMessageContaining("unknown user type 'Root'");
        assertThatThrownBy(() -> AuthBodies.username("Group:app")).isInstanceOf(AuthException.class);
        assertThat(AuthBodies.username("user:app")).isEqualTo("app");
    }

    @Test
    void invalidPoliciesAreRefusedWithRocketMqsMessages() {
        assertThat(refusal(new AclInfo("User:app", List.of()))).isEqualTo("The policies is empty.");
        assertThat(refusal(new AclInfo("User:app", List.of(new PolicyInfo(null, List.of())))))
                .isEqualTo("The policy entries is empty.");
        assertThat(refusal(entry(null, List.of("Pub"), null, "Allow"))).isEqualTo("The resource is null.");
        assertThat(refusal(entry("Topic:a", List.of(), null, "Allow"))).isEqualTo("The actions is empty.");
        assertThat(refusal(entry("Topic:a", List.of("Pub"), List.of("10.1.*.*"), "Allow")))
                .isEqualTo("The source ip is invalid: 10.1.*.*");
        assertThat(refusal(entry("Topic:a", List.of("Pub"), null, "Maybe")))
                .isEqualTo("The decision is null or illegal.");
        assertThat(refusal(entry("Queue:a", List.of("Pub"), null, "Allow"))).contains("invalid resource 'Queue:a'");
        assertThat(refusal(entry("Topic:a", List.of("Publish"), null, "Allow"))).contains("unknown action 'Publish'");
    }

    private static AclInfo entry(String resource, List<String> actions, List<String> sourceIps, String decision) {
        return new AclInfo("User:app", List.of(new PolicyInfo("Custom",
                List.of(new PolicyEntryInfo(resource, actions, sourceIps, decision)))));
    }

    private static String refusal(AclInfo info) {
        try {
            AuthBodies.rules(info);
        } catch (AuthException e) {
            return e.getMessage();
        }
        throw new AssertionError("accepted: " + info);
    }
}
