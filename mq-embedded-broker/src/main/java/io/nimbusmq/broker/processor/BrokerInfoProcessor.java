package io.nimbusmq.broker.processor;

import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.nimbusmq.broker.BrokerConfig;
import io.nimbusmq.message.StoredMessage;
import io.nimbusmq.remoting.dispatch.RequestContext;
import io.nimbusmq.remoting.dispatch.RequestProcessor;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RemotingVersion;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.ResponseCode;
import io.nimbusmq.remoting.protocol.body.KvTable;
import io.nimbusmq.remoting.protocol.body.RemotingJson;
import io.nimbusmq.store.MessageStore;
import io.nimbusmq.store.StoreStats;

/** GET_BROKER_RUNTIME_INFO (28, what {@code mqadmin clusterList} shows). */
public final class BrokerInfoProcessor implements RequestProcessor {

    private final MessageStore store;
    private final BrokerConfig config;
    private final long bootTimestamp = System.currentTimeMillis();

    public BrokerInfoProcessor(MessageStore store, BrokerConfig config) {
        this.store = store;
        this.config = config;
    }

    public static int[] requestCodes() {
        return new int[] {RequestCode.GET_BROKER_RUNTIME_INFO};
    }

    @Override
    public RemotingCommand processRequest(RequestContext context, RemotingCommand request) {
        return RemotingCommand.createResponse(request, ResponseCode.SUCCESS, null)
                .setBody(RemotingJson.encode(new KvTable(runtimeInfo())));
    }

    private Map<String, String> runtimeInfo() {
        StoreStats stats = store.stats();
        Map<String, String> info = new TreeMap<>();
        info.put("brokerVersionDesc", "V5_3_1");
        info.put("brokerVersion", String.valueOf(RemotingVersion.CURRENT));
        info.put("brokerActive", "true");
        info.put("bootTimestamp", String.valueOf(bootTimestamp));
        info.put("msgPutTotalTodayNow", String.valueOf(stats.putMessageCount()));
        info.put("msgPutTotalTodayMorning", "0");
        info.put("msgPutTotalYesterdayMorning", "0");
        info.put("msgGetTotalTodayNow", "0");
        info.put("msgGetTotalTodayMorning", "0");
        info.put("msgGetTotalYesterdayMorning", "0");
        info.put("putTps", "0.0 0.0 0.0");
        info.put("getTransferredTps", "0.0 0.0 0.0");
        info.put("commitLogMinOffset", String.valueOf(store.commitLogMinOffset()));
        info.put("commitLogMaxOffset", String.valueOf(store.commitLogMaxOffset()));
        info.put("dispatchBehindBytes", String.valueOf(stats.dispatchBehindBytes()));
        info.put("earliestMessageTimeStamp", String.valueOf(earliestMessageTime()));
        info.put("commitLogDiskRatio", "0.0");
        info.put("storeWritable", String.valueOf(store.isWritable()));
        return info;
    }

    /** Store time of the oldest message in the commit log, or -1 when it is empty (as RocketMQ answers). */
    private long earliestMessageTime() {
        if (store.commitLogMinOffset() >= store.commitLogMaxOffset()) {
            return -1;
        }
        StoredMessage oldest = store.lookMessage(store.commitLogMinOffset());
        return oldest == null ? -1 : oldest.storeTimestamp();
    }
}
