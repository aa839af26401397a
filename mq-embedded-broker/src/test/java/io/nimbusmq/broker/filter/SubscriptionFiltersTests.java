package io.nimbusmq.broker.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import io.nimbusmq.broker.client.SubscriptionValidator;
import io.nimbusmq.broker.filter.sql.SqlMessageFilter;
import io.nimbusmq.remoting.protocol.ResponseCode;
import io.nimbusmq.remoting.protocol.body.client.SubscriptionData;
import io.nimbusmq.store.read.MessageFilter;
import org.junit.jupiter.api.Test;

class SubscriptionFiltersTests {

    private final SubscriptionFilters filters = new SubscriptionFilters(true, 100);

    @Test
    void compilesTagAndSqlExpressionsIntoTheirFilters() {
        assertThat(filters.filter("g", "t1", "TAG", "a || b")).isInstanceOf(TagSubscription.class);
        assertThat(filters.filter("g", "t2", null, "*")).isInstanceOf(TagSubscription.class);
        assertThat(filters.filter("g", "t3", "SQL92", "a = 1")).isInstanceOf(SqlMessageFilter.class);
    }

    @Test
    void compilesAnExpressionOncePerSubscription() {
        MessageFilter first = filters.filter("g", "t", "SQL92", "a = 1");
        assertThat(filters.filter("g", "t", "SQL92", "a = 1")).isSameAs(first);
        MessageFilter tags = filters.filter("g", "tags", "TAG", "a || b");
        assertThat(filters.filter("g", "tags", "TAG", "a || b")).isSameAs(tags);
        assertThat(filters.size()).isEqualTo(2);
    }

    @Test
    void aChangedExpressionReplacesTheSubscriptionsFilter() {
        MessageFilter before = filters.filter("g", "t", "SQL92", "a = 1");
        MessageFilter after = filters.filter("g", "t", "SQL92", "a = 2");
        assertThat(after).isNotSameAs(before);
        assertThat(filters.filter("g", "t", "TAG", "a")).isInstanceOf(TagSubscription.class);
        assertThat(filters.size()).isOne();
    }

    @Test
    void groupsHaveTheirOwnEntries() {
        assertThat(filters.filter("g1", "t", "SQL92", "a = 1")).isNotSameAs(filters.filter("g2", "t", "SQL92",
                "a = 1"));
        assertThat(filters.size()).isEqualTo(2);
    }

    @Test
    void anInvalidExpressionFailsWithTheParsersMessageAndIsRemembered() {
        assertThatThrownBy(() -> filters.filter("g", "t", "SQL92", "a = = 1"))
                .isInstanceOfSatisfying(FilterUnavailableException.class, e -> {
                    assertThat(e.unsupported()).isFalse();
                    assertThat(e.getMessage()).isEqualTo("invalid SQL92 expression [a = = 1]: expected a property, "
                            + "a literal or '(' but found '=' at column 5");
                });
        assertThat(filters.size()).isOne();
        assertThatThrownBy(() -> filters.filter("g", "t", "SQL92", "a = = 1"))
                .isInstanceOf(FilterUnavailableException.class);
        assertThat(filters.filter("g", "t", "SQL92", "a = 1")).as("fixed expression").isNotNull();
    }

    @Test
    void sqlIsUnsupportedWithThePropertyFilterOff() {
        SubscriptionFilters off = new SubscriptionFilters(false, 10);
        assertThatThrownBy(() -> off.filter("g", "t", "SQL92", "a = 1"))
                .isInstanceOfSatisfying(FilterUnavailableException.class, e -> {
                    assertThat(e.unsupported()).isTrue();
                    assertThat(e.getMessage()).startsWith("The broker does not support consumer to filter message "
                            + "by SQL92");
                });
        assertThat(off.filter("g", "t", "TAG", "*")).isInstanceOf(TagSubscription.class);
    }

    @Test
    void anUnknownExpressionTypeIsInvalid() {
        assertThatThrownBy(() -> filters.filter("g", "t", "CLASS", "x"))
                .isInstanceOfSatisfying(FilterUnavailableException.class, e ->
                        assertThat(e.unsupported()).isFalse());
    }

    @Test
    void keepsAtMostMaxEntriesDroppingTheLeastRecentlyUsed() {
        SubscriptionFilters small = new SubscriptionFilters(true, 2);
        MessageFilter a = small.filter("a", "t", "SQL92", "x = 1");
        small.filter("b", "t", "SQL92", "x = 1");
        assertThat(small.filter("a", "t", "SQL92", "x = 1")).isSameAs(a);
        small.filter("c", "t", "SQL92", "x = 1");
        assertThat(small.size()).isEqualTo(2);
        assertThat(small.filter("a", "t", "SQL92", "x = 1")).as("a was used more recently than b").isSameAs(a);
    }

    @Test
    void dropsTheEntriesOfGroupsThatWentOffline() {
        filters.filter("online", "t1", "SQL92", "a = 1");
        filters.filter("online", "t2", "TAG", "*");
        filters.filter("gone", "t1", "SQL92", "a = 1");
        assertThat(filters.retainGroups(Set.of("online")::contains)).isOne();
        assertThat(filters.size()).isEqualTo(2);
    }

    @Test
    void validatesSubscriptionsAsCheckClientConfigAnswers() {
        assertThat(filters.validate(SubscriptionData.ofSql92("t", "a BETWEEN 1 AND 2", 1)).accepted()).isTrue();
        SubscriptionValidator.Verdict bad = filters.validate(SubscriptionData.ofSql92("t", "a BETWEEN 2 AND 1", 1));
        assertThat(bad.responseCode()).isEqualTo(ResponseCode.SUBSCRIPTION_PARSE_FAILED);
        assertThat(bad.remark()).contains("must not be greater than the upper bound");
        SubscriptionValidator.Verdict off = new SubscriptionFilters(false, 1)
                .validate(SubscriptionData.ofSql92("t", "a = 1", 1));
        assertThat(off.responseCode()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(filters.size()).as("validation caches nothing").isZero();
    }
}
