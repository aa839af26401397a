package io.nimbusmq.broker.auth.acl2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;

import io.nimbusmq.broker.auth.AccessRule;
import io.nimbusmq.broker.auth.AclUser;
import io.nimbusmq.broker.auth.Action;
import io.nimbusmq.broker.auth.PolicyType;
import io.nimbusmq.broker.auth.ResourcePattern;
import io.nimbusmq.remoting.acl.SessionCredentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserPolicyStoreTests {

    @TempDir
    Path dir;

    @Test
    void theInitialSuperUserIsCreatedOnceAndEverythingSurvivesARestart() throws Exception {
        UserPolicyStore store = open(new SessionCredentials("admin", "admin-password"));
        store.createUser(user("app"));
        store.mergeRules("app", List.of(rule("Topic:orders", true, Action.PUB), rule("Group:*", true, Action.SUB)));

        UserPolicyStore reopened = open(new SessionCredentials("admin", "another-password"));

        assertThat(reopened.users()).extracting(AclUser::accessKey).containsExactly("admin", "app");
        assertThat(reopened.user("admin").admin()).isTrue();
        assertThat(reopened.user("admin").secretKey()).as("an existing user is kept").isEqualTo("admin-password");
        assertThat(reopened.user("app").rules()).isEqualTo(store.user("app").rules());
        assertThat(reopened.current().users()).containsOnlyKeys("admin", "app");
        assertThat(Files.readString(dir.resolve("acl/users.json"))).contains("\"username\" : \"app\"");
        assertThat(Files.readString(dir.resolve("acl/policies.json"))).contains("Topic:orders");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("acl"))))
                .isEqualTo("rwx------");
    }

    @Test
    void aRuleForTheSameTypeAndResourceReplacesTheOldOne() throws Exception {
        UserPolicyStore store = open(null);
        store.createUser(user("app"));
        store.mergeRules("app", List.of(rule("Topic:orders", true, Action.PUB), rule("Topic:audit", true,
                Action.SUB)));

        store.mergeRules("app", List.of(rule("Topic:orders", false, Action.PUB, Action.SUB), AccessRule.of(
                ResourcePattern.parse("Topic:orders"), Set.of(Action.GET), true, PolicyType.DEFAULT)));

        assertThat(store.user("app").rules()).containsExactly(rule("Topic:orders", false, Action.PUB, Action.SUB),
                rule("Topic:audit", true, Action.SUB), AccessRule.of(ResourcePattern.parse("Topic:orders"),
                        Set.of(Action.GET), true, PolicyType.DEFAULT));
    }

    @Test
    void deletingRulesAndUsers() throws Exception {
        UserPolicyStore store = open(null);
        store.createUser(user("app"));
        assertThatThrownBy(() -> store.deleteRules("app", PolicyType.CUSTOM, null)).hasMessage("The acl is not exist.");
        store.mergeRules("app", List.of(rule("Topic:orders", true, Action.PUB), rule("Topic:audit", true,
                Action.SUB)));

        store.deleteRules("app", PolicyType.CUSTOM, ResourcePattern.parse("Topic:orders"));
        assertThat(store.user("app").rules()).containsExactly(rule("Topic:audit", true, Action.SUB));
        store.deleteRules("app", PolicyType.CUSTOM, null);
        assertThat(store.user("app").rules()).isEmpty();

        store.deleteUser("app");
        store.deleteUser("app");
        assertThat(store.user("app")).isNull();
        assertThat(open(null).users()).isEmpty();
        assertThatThrownBy(() -> store.deleteRules("app", PolicyType.CUSTOM, null))
                .hasMessage("The subject is not exist.");
    }

    @Test
    void rocketMqsRefusals() throws Exception {
        UserPolicyStore store = open(null);
        store.createUser(user("app"));

        assertThatThrownBy(() -> store.createUser(user("app"))).isInstanceOf(AuthException.class)
                .hasMessage("The user is existed");
        assertThatThrownBy(() -> store.updateUser("bob", old -> old)).hasMessage("The user is not exist");
        assertThatThrownBy(() -> store.mergeRules("bob", List.of(rule("Topic:a", true, Action.PUB))))
                .hasMessage("The subject of User:bob is not exist.");
    }

    @Test
    void anInvalidFileFailsTheStartNamingItAndPoliciesOfUnknownUsersAreDropped() throws Exception {
        Files.createDirectories(dir.resolve("acl"));
        Files.writeString(dir.resolve("acl/users.json"), "{\"users\":[{\"username\":\"app\"}]}");
        assertThatThrownBy(() -> open(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("users.json").hasMessageContaining("password can not be blank");

        Files.writeString(dir.resolve("acl/users.json"), "{\"users\":[{\"username\":\"app\",\"password\":\"pw\"}]}");
        Files.writeString(dir.resolve("acl/policies.json"), "{\"acls\":[{\"subject\":\"User:gone\",\"policies\":"
                + "[{\"entries\":[{\"resource\":\"Topic:a\",\"actions\":[\"Pub\"],\"decision\":\"Allow\"}]}]}]}");
        assertThat(open(null).users()).extracting(AclUser::accessKey).containsExactly("app");

        Files.writeString(dir.resolve("acl/policies.json"), "{\"acls\":[{\"subject\":\"User:app\"");
        assertThatThrownBy(() -> open(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("policies.json is not valid JSON");
    }

    private UserPolicyStore open(SessionCredentials initUser) throws Exception {
        return UserPolicyStore.open(dir.resolve("acl"), initUser);
    }

    private static AclUser user(String name) {
        return new AclUser(name, name + "-password", false, true, null, List.of());
    }

    private static AccessRule rule(String resource, boolean allow, Action... actions) {
        return AccessRule.of(ResourcePattern.parse(resource), Set.of(actions), allow, PolicyType.CUSTOM);
    }
}
