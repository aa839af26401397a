package io.nimbusmq.client.internal.route;

import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import io.nimbusmq.remoting.protocol.body.BrokerData;

/**
 * Which member of a broker group (a master, id {@value BrokerData#MASTER_ID}, and its slaves, ids 1, 2, …) a consumer
 * request goes to, by the official client's rule (5.3.1 {@code MQClientInstance.findBrokerAddressInSubscribe}):
 * <ol>
 *   <li>the wanted id, if the group has it;</li>
 *   <li>else, when a slave was wanted, the next id;</li>
 *   <li>else, unless {@code onlyThisBroker}, the member with the lowest id: the master while it is routed, a slave
 *       once the name server has dropped a dead master.</li>
 * </ol>
 * Pulls want the id the broker's last answer suggested ({@code suggestWhichBrokerId}) and accept any member, so they
 * move to a slave while the master is gone and back when it returns; offset commits and queries want the master and
 * accept any; queue locks and sends back go to the master only. Producers never use a slave.
 *
 * @param address {@code "ip:port"} of the member chosen
 * @param slave   whether it is a slave (a pull to it must not ask it to commit the consumer offset)
 */
public record BrokerChoice(String address, boolean slave) {

    /** The member of {@code brokerAddrs} (broker id to address) to use, by the rule above. */
    public static Optional<BrokerChoice> inSubscribe(Map<Long, String> brokerAddrs, long brokerId,
            boolean onlyThisBroker) {
        long chosen = brokerId;
        if (!brokerAddrs.containsKey(chosen) && brokerId != BrokerData.MASTER_ID) {
            chosen = brokerId + 1;
        }
        if (!brokerAddrs.containsKey(chosen) && !onlyThisBroker && !brokerAddrs.isEmpty()) {
            chosen = new TreeSet<>(brokerAddrs.keySet()).first();
        }
        String address = brokerAddrs.get(chosen);
        return address == null ? Optional.empty()
                : Optional.of(new BrokerChoice(address, chosen != BrokerData.MASTER_ID));
    }
}
