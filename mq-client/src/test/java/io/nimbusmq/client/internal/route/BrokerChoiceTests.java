package io.nimbusmq.client.internal.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The official client's choice of a broker group member (5.3.1 {@code MQClientInstance.findBrokerAddressInSubscribe}),
 * for the routes a master/slave group goes through: both routed, master dropped, master back.
 */
class BrokerChoiceTests {

    static final String MASTER = "127.0.0.1:10911";
    static final String SLAVE = "127.0.0.1:10921";
    static final Map<Long, String> BOTH = Map.of(0L, MASTER, 1L, SLAVE);
    static final Map<Long, String> SLAVE_ONLY = Map.of(1L, SLAVE);

    @Test
    void aPullGoesToTheMasterWhileItIsRouted() {
        assertThat(BrokerChoice.inSubscribe(BOTH, 0, false)).contains(new BrokerChoice(MASTER, false));
    }

    @Test
    void aPullGoesToTheSlaveTheBrokerSuggested() {
        assertThat(BrokerChoice.inSubscribe(BOTH, 1, false)).contains(new BrokerChoice(SLAVE, true));
    }

    @Test
    void aSuggestedSlaveThatIsGoneIsReplacedByTheNextIdThenByTheLowestMember() {
        Map<Long, String> twoSlaves = Map.of(0L, MASTER, 2L, "127.0.0.1:10931");
        assertThat(BrokerChoice.inSubscribe(twoSlaves, 1, true)).contains(new BrokerChoice("127.0.0.1:10931", true));
        assertThat(BrokerChoice.inSubscribe(Map.of(0L, MASTER), 1, false)).contains(new BrokerChoice(MASTER, false));
    }

    @Test
    void whenTheNameServerDroppedTheMasterAPullWantingItReadsFromTheSlave() {
        assertThat(BrokerChoice.inSubscribe(SLAVE_ONLY, 0, false)).contains(new BrokerChoice(SLAVE, true));
    }

    @Test
    void requestsForTheMasterOnlyFindNothingWhileItIsGone() {
        assertThat(BrokerChoice.inSubscribe(SLAVE_ONLY, 0, true)).isEmpty();
        assertThat(BrokerChoice.inSubscribe(BOTH, 0, true)).contains(new BrokerChoice(MASTER, false));
    }

    @Test
    void whenTheMasterIsRoutedAgainTheSlavesRedirectTakesThePullBackToIt() {
        // the slave answers suggestWhichBrokerId=0 while its master lives
        assertThat(BrokerChoice.inSubscribe(SLAVE_ONLY, 0, false).map(BrokerChoice::address)).contains(SLAVE);
        assertThat(BrokerChoice.inSubscribe(BOTH, 0, false).map(BrokerChoice::address)).contains(MASTER);
    }

    @Test
    void aGroupWithNoMembersHasNoChoice() {
        assertThat(BrokerChoice.inSubscribe(Map.of(), 0, false)).isEmpty();
        assertThat(BrokerChoice.inSubscribe(Map.of(), 1, false)).isEmpty();
    }
}
