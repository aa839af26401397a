package io.nimbusmq.remoting.protocol.body;

/** JSON bodies as fastjson 1.2.83 writes them for RocketMQ 5.3.1 (remoting-protocol.md §3.1, §6). */
final class GoldenBodies {

    /** GET_ROUTEINFO_BY_TOPIC body, standard form (OBSERVED). */
    static final String ROUTE_QUOTED = "{\"brokerDatas\":[{\"brokerAddrs\":{\"0\":\"127.0.0.1:20911\"},"
            + "\"brokerName\":\"broker-a\",\"cluster\":\"DefaultCluster\",\"enableActingMaster\":false}],"
            + "\"filterServerTable\":{},\"queueDatas\":[{\"brokerName\":\"broker-a\",\"perm\":6,\"readQueueNums\":4,"
            + "\"topicSysFlag\":0,\"writeQueueNums\":4}]}";

    /** The same route as fastjson writes it by default, for clients older than V4_9_4. */
    static final String ROUTE_UNQUOTED = ROUTE_QUOTED.replace("{\"0\":", "{0:");

    /** GET_BROKER_CLUSTER_INFO body (OBSERVED, always unquoted numeric keys). */
    static final String CLUSTER_INFO = "{\"brokerAddrTable\":{\"broker-a\":{\"brokerAddrs\":{0:\"127.0.0.1:20911\"},"
            + "\"brokerName\":\"broker-a\",\"cluster\":\"DefaultCluster\",\"enableActingMaster\":false}},"
            + "\"clusterAddrTable\":{\"DefaultCluster\":[\"broker-a\"]}}";

    /** REGISTER_BROKER body (OBSERVED shape, timestamps fixed). */
    static final String REGISTER_BROKER = "{\"filterServerList\":[],\"topicConfigSerializeWrapper\":{"
            + "\"dataVersion\":{\"counter\":1,\"stateVersion\":0,\"timestamp\":1700000000000},"
            + "\"mappingDataVersion\":{\"counter\":0,\"stateVersion\":0,\"timestamp\":1700000000000},"
            + "\"topicConfigTable\":{\"TopicTest\":{\"attributes\":{},\"order\":false,\"perm\":6,\"readQueueNums\":4,"
            + "\"topicFilterType\":\"SINGLE_TAG\",\"topicName\":\"TopicTest\",\"topicSysFlag\":0,\"writeQueueNums\":4}},"
            + "\"topicQueueMappingDetailMap\":{},\"topicQueueMappingInfoMap\":{}}}";

    private GoldenBodies() {
    }
}
