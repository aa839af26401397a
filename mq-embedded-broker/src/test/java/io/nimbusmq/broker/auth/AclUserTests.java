package io.nimbusmq.broker.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Which rule decides: the one model both ACL formats are read into. */
class AclUserTests {

    private static final String IP = "10.1.2.3";

    @Test
    void theMostSpecificApplicableRuleDecides() {
        AclUser user = user(rule("Topic:*", true, Action.PUB), rule("Topic:orders*", false, Action.PUB),
                rule("Topic:orders-eu", true, Action.PUB));

        assertThat(user.decisiveRule(Resource.topic("orders-eu"), Set.of(Action.PUB), IP).allow()).isTrue();
        assertThat(user.decisiveRule(Resource.topic("orders-us"), Set.of(Action.PUB), IP).allow()).isFalse();
        assertThat(user.decisiveRule(Resource.topic("audit"), Set.of(Action.PUB), IP).allow()).isTrue();
        assertThat(user.decisiveRule(Resource.group("audit"), Set.of(Action.SUB), IP)).as("no rule: denied")
                .isNull();
    }

    @Test
    void aRuleAppliesWhenItNamesAnyOfTheNeededActionsOrAll() {
        AclUser user = user(rule("Topic:orders", true, Action.GET), rule("Group:*", true, Action.ALL));

        assertThat(user.decisiveRule(Resource.topic("orders"), Set.of(Action.PUB, Action.SUB, Action.GET), IP))
                .isNotNull();
        assertThat(user.decisiveRule(Resource.topic("orders"), Set.of(Action.PUB), IP)).isNull();
        assertThat(user.decisiveRule(Resource.group("billing"), Set.of(Action.DELETE), IP).allow()).isTrue();
    }

    @Test
    void customRulesComeBeforeDefaultRulesWhateverTheirSpecificity() {
        AclUser user = user(AccessRule.of(ResourcePattern.parse("Topic:*"), Set.of(Action.PUB), false,
                PolicyType.CUSTOM), AccessRule.of(ResourcePattern.parse("Topic:orders"), Set.of(Action.PUB), true,
                PolicyType.DEFAULT));

        assertThat(user.decisiveRule(Resource.topic("orders"), Set.of(Action.PUB), IP).allow()).isFalse();
    }

    @Test
    void amongEquallySpecificRulesADenialWinsAndSourceAddressesLimitARule() {
        AccessRule allowFromOffice = new AccessRule(ResourcePattern.parse("Topic:orders"), Set.of(Action.PUB), true,
                List.of(AddressPattern.parseIpOrCidr("10.0.0.0/8")), PolicyType.CUSTOM);
        AclUser user = user(allowFromOffice, rule("Topic:orders", false, Action.PUB));
        AclUser officeOnly = user(allowFromOffice);

        assertThat(user.decisiveRule(Resource.topic("orders"), Set.of(Action.PUB), IP).allow()).isFalse();
        assertThat(officeOnly.decisiveRule(Resource.topic("orders"), Set.of(Action.PUB), IP).allow()).isTrue();
        assertThat(officeOnly.decisiveRule(Resource.topic("orders"), Set.of(Action.PUB), "192.168.0.1")).isNull();
    }

    @Test
    void theSecretNeverShows() {
        assertThat(user().toString()).contains("app-user").doesNotContain("app-password");
    }

    private static AccessRule rule(String resource, boolean allow, Action... actions) {
        return AccessRule.of(ResourcePattern.parse(resource), Set.of(actions), allow, PolicyType.CUSTOM);
    }

    private static AclUser user(AccessRule... rules) {
        return new AclUser("app-user", "app-password", false, true, null, List.of(rules));
    }
}
