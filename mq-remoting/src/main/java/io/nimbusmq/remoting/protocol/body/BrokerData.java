package io.nimbusmq.remoting.protocol.body;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One broker group (a master and its slaves sharing a broker name), as routes and ClusterInfo carry it:
 * {@code {"brokerAddrs":{"0":"127.0.0.1:10911"},"brokerName":"broker-a","cluster":"DefaultCluster",
 * "enableActingMaster":false}}. The address keys are written unquoted by
 * {@link RemotingJson#encodeWithUnquotedNumericKeys(Object)} and read in either form.
 *
 * @param brokerAddrs broker id to {@code "ip:port"}, sorted by id; id {@value #MASTER_ID} is the master
 */
public record BrokerData(@JsonSerialize(using = NumericKeyMapSerializer.class) Map<Long, String> brokerAddrs,
                         String brokerName, String cluster, boolean enableActingMaster) {

    /** The broker id of a master. */
    public static final long MASTER_ID = 0L;

    public BrokerData {
        brokerAddrs = brokerAddrs == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(brokerAddrs));
    }

    /** The master's address, if the group has a master. */
    public Optional<String> masterAddr() {
        return Optional.ofNullable(brokerAddrs.get(MASTER_ID));
    }
}
