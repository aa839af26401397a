package io.nimbusmq.namesrv;

import io.netty.channel.embedded.EmbeddedChannel;
import io.nimbusmq.remoting.protocol.body.TopicConfig;
import io.nimbusmq.remoting.dispatch.RequestContext;
import io.nimbusmq.remoting.dispatch.RequestProcessor;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.body.DataVersion;
import io.nimbusmq.remoting.protocol.body.RegisterBrokerBody;
import io.nimbusmq.remoting.protocol.body.TopicConfigSerializeWrapper;
import java.util.List;

/** Builds name-server requests and runs them through a processor without a socket. */
final class Requests {

    private Requests() {
    }

    /** REGISTER_BROKER for a master of {@code brokerName} at {@code brokerAddr}, with a correct bodyCrc32. */
    static RemotingCommand register(String brokerName, long brokerId, String brokerAddr, TopicConfig... topics) {
        byte[] body = RegisterBrokerBody.of(TopicConfigSerializeWrapper.of(List.of(topics),
                new DataVersion(1, 0, 1000))).encode();
        return RemotingCommand.createRequest(RequestCode.REGISTER_BROKER)
                .putExtField("brokerName", brokerName)
                .putExtField("brokerAddr", brokerAddr)
                .putExtField("clusterName", "DefaultCluster")
                .putExtField("haServerAddr", brokerAddr.replace(":10911", ":10912"))
                .putExtField("brokerId", brokerId)
                .putExtField("enableActingMaster", false)
                .putExtField("compressed", false)
                .putExtField("bodyCrc32", RegisterBrokerBody.bodyCrc32(body))
                .setBody(body);
    }

    static RemotingCommand brokerRequest(int code, String brokerName, String brokerAddr) {
        return RemotingCommand.createRequest(code)
                .putExtField("brokerName", brokerName)
                .putExtField("brokerAddr", brokerAddr)
                .putExtField("clusterName", "DefaultCluster")
                .putExtField("brokerId", 0);
    }

    static RemotingCommand routeRequest(String topic, int version) {
        return RemotingCommand.createRequest(RequestCode.GET_ROUTEINFO_BY_TOPIC).setVersion(version)
                .putExtField("topic", topic);
    }

    static RemotingCommand process(RequestProcessor processor, RemotingCommand request) throws Exception {
        return processor.processRequest(new RequestContext(new EmbeddedChannel(), request), request);
    }

    static RemotingCommand process(RequestProcessor processor, RemotingCommand request, EmbeddedChannel channel)
            throws Exception {
        return processor.processRequest(new RequestContext(channel, request), request);
    }
}
