package io.nimbusmq.remoting.protocol.header;

import java.util.ArrayList;
import java.util.List;

import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.ResponseCode;

/**
 * Every header of {@code io.nimbusmq.remoting.protocol.header} on every code it travels with, each with a full and a
 * minimal value, for {@link CommandHeaderContractTests}.
 */
final class HeaderCases {

    /** RocketMQ's PUT_KV_CONFIG and DELETE_KV_CONFIG, which only admin tools send. */
    private static final int PUT_KV_CONFIG = 100;
    private static final int DELETE_KV_CONFIG = 102;
    private static final String PROPERTIES = "KEYS\u0001k1 k2\u0002TAGS\u0001tagA\u0002UNIQ_KEY\u0001AC1100\u0002";

    private HeaderCases() {
    }

    static List<HeaderCase> all() {
        List<HeaderCase> all = new ArrayList<>(sendAndPull());
        all.addAll(offsets());
        all.addAll(messagesAndClients());
        all.addAll(admin());
        all.addAll(nameServer());
        all.addAll(accessControl());
        all.addAll(operations());
        return all;
    }

    /** Consumer groups, broker and name-server configuration, statistics, message tracks (docs/operations.md). */
    private static List<HeaderCase> operations() {
        return List.of(
                HeaderCase.of("DELETE_SUBSCRIPTIONGROUP", RequestCode.DELETE_SUBSCRIPTIONGROUP,
                        new DeleteSubscriptionGroupRequestHeader("cg", true),
                        new DeleteSubscriptionGroupRequestHeader("cg", false),
                        DeleteSubscriptionGroupRequestHeader::readFrom,
                        org.apache.rocketmq.remoting.protocol.header.DeleteSubscriptionGroupRequestHeader.class),
                HeaderCase.of("GET_SUBSCRIPTIONGROUP_CONFIG", RequestCode.GET_SUBSCRIPTIONGROUP_CONFIG,
                        new GetSubscriptionGroupConfigRequestHeader("cg"),
                        new GetSubscriptionGroupConfigRequestHeader("cg"),
                        GetSubscriptionGroupConfigRequestHeader::readFrom,
                        org.apache.rocketmq.remoting.protocol.header.GetSubscriptionGroupConfigRequestHeader.class),
                HeaderCase.of("GET_BROKER_CONFIG response", ResponseCode.SUCCESS,
                        new GetBrokerConfigResponseHeader("{\"counter\":2,\"stateVersion\":0,\"timestamp\":1}"),
                        new GetBrokerConfigResponseHeader("{\"counter\":2,\"stateVersion\":0,\"timestamp\":1}"),
                        GetBrokerConfigResponseHeader::readFrom,
                        org.apache.rocketmq.remoting.protocol.header.GetBrokerConfigResponseHeader.class),
                HeaderCase.of("VIEW_BROKER_STATS_DATA", RequestCode.VIEW_BROKER_STATS_DATA,
                        new ViewBrokerStatsDataRequestHeader("GROUP_GET_NUMS", "TopicTest@cg"),
                        new ViewBrokerStatsDataRequestHeader("GROUP_GET_NUMS", "TopicTest@cg"),
                        ViewBrokerStatsDataRequestHeader::readFrom,
                        org.apache.rocketmq.remoting.protocol.header.ViewBrokerStatsDataRequestHeader.class),
                HeaderCase.of("GET_BROKER_CONSUME_STATS", RequestCode.GET_BROKER_CONSUME_STATS,
                        new GetConsumeStatsInBrokerRequestHeader(true),
                        new GetConsumeStatsInBrokerRequestHeader(true),
                        GetConsumeStatsInBrokerRequestHeader::readFrom,
                        org.apache.rocketmq.remoting.protocol.header.GetConsumeStatsInBrokerHeader.class),
                topic("QUERY_TOPIC_CONSUME_BY_WHO", RequestCode.QUERY_TOPIC_CONSUME_BY_WHO,
                        org.apache.rocketmq.remoting.protocol.header.QueryTopicConsumeByWhoRequestHeader.class));
    }

    private static List<HeaderCase> sendAndPull() {
        return List.of(
                sendRequest("SEND_MESSAGE", RequestCode.SEND_MESSAGE, false,
                        org.apache.rocketmq.remoting.protocol.header.SendMessageRequestHeader.class),
                sendRequest("SEND_MESSAGE_V2", RequestCode.SEND_MESSAGE_V2, false,
                        org.apache.rocketmq.remoting.protocol.header.SendMessageRequestHeaderV2.class),
                sendRequest("SEND_BATCH_MESSAGE", RequestCode.SEND_BATCH_MESSAGE, true,
                        org.apache.rocketmq.remoting.protocol.header.SendMessageRequestHeaderV2.class),
                sendRequest("SEND_REPLY_MESSAGE", RequestCode.SEND_REPLY_MESSAGE, false,
                        org.apache.rocketmq.remoting.protocol.header.SendMessageRequestHeader.class),
                sendRequest("SEND_REPLY_MESSAGE_V2", RequestCode.SEND_REPLY_MESSAGE_V2, false,
                        org.apache.rocketmq.remoting.protocol.header.SendMessageRequestHeaderV2.class),
                HeaderCase.of("SEND_MESSAGE response", ResponseCode.SUCCESS,
                        new SendMessageResponseHeader("7F00000100002A9F0000000000001234", 3, 1234L, "AC1100",
                                "BATCH1", "DefaultRegion", false),
                        new SendMessageResponseHeader("7F00000100002A9F0000000000001234", 3, 1234L, null, null,
                                null, null),
                        SendMessageResponseHeader::readFrom,
                        org.apache.rocketmq.remoting.protocol.header.SendMessageResponseHeader.class,
                        "MSG_REGION", "TRACE_ON"),
                HeaderCase.of("PUSH_REPLY_MESSAGE_TO_CLIENT", RequestCode.PUSH_REPLY_MESSAGE_TO_CLIENT,
                        new ReplyMessageRequestHeader("pg", "DefaultCluster_REPLY_TOPIC", "TBW102", 4, 1, 0,
                                1_700_000_000_123L, 7, PROPERTIES, 1, true, "/127.0.0.1:50000", "/127.0.0.1:10911",
                                1_700_000_000_456L),
                        new ReplyMessageRequestHeader("pg", "DefaultCluster_REPLY_TOPIC", "TBW102", 4, 1, 0,
                                1_700_000_000_123L, 7, null, 0, false, "/127.0.0.1:50000", "/127.0.0.1:10911",
                                1_700_000_000_456L),
                        ReplyMessageRequestHeader::readFrom,
                        org.apache.rocketmq.remoting.protocol.header.ReplyMessageRequestHeader.class),
                pullRequest("PULL_MESSAGE", RequestCode.PULL_MESSAGE),
                pullRequest("LITE_PULL_MESSAGE", RequestCode.LITE_PULL_MESSAGE),
                HeaderCase.of("PULL_MESSAGE response", ResponseCode.PULL_NOT_FOUND,
                        new PullMessageResponseHeader(1L, 20L, 2L, 21L, 3),
                        new PullMessageResponseHeader(1L, 20L, 2L, 21L, null),
                        PullMessageResponseHeader::readFrom,
                        org.apache.rocketmq.remoting.protocol.header.PullMessageResponseHeader.class));
    }

    private static List<HeaderCase> offsets() {
        return List.of(
                HeaderCase.of("QUERY_CONSUMER_OFFSET", RequestCode.QUERY_CONSUMER_OFFSET,
                        new QueryConsumerOffsetRequestHeader("cg", "TopicTest", 2, false, "broker-a"),
                        new QueryConsumerOffsetRequestHeader("cg", "TopicTest", 2, null, null),
                        QueryConsumerOffsetRequestHeader::readFrom,
                        org.apache.rocketmq.remoting.protocol.header.QueryConsumerOffsetRequestHeader.class),
                HeaderCase.of("UPDATE_CONSUMER_OFFSET", RequestCode.UPDATE_CONSUMER_OFFSET,
                        new UpdateConsumerOffsetRequestHeader("cg", "TopicTest", 2, 77L, "broker-a"),
                        new UpdateConsumerOffsetRequestHeader("cg", "TopicTest", 2, 77L, null),
                        UpdateConsumerOffsetRequestHeader::readFrom,
                        org.apache.rocketmq.remoting.protocol.header.UpdateConsumerOffsetRequestHeader.class),
                HeaderCase.of("GET_MAX_OFFSET", RequestCode.GET_MAX_OFFSET,
                        new GetMaxOffsetRequestHeader("TopicTest", 2, false, "broker-a"),
                        new GetMaxOffsetRequestHeader("TopicTest", 2, true, null),
                        GetMaxOffsetRequestHeader::readFrom,
                        org.apache.rocketmq.remoting.protocol.header.GetMaxOffsetRequestHeader.class),
                HeaderCase.of("GET_MIN_OFFSET", RequestCode.GET_MIN_OFFSET,
                        new TopicQueueRequestHeader("TopicTest", 2, "broker-a"),
                        new TopicQueueRequestHeader("TopicTest", 2, null),
                        TopicQueueRequestHeader::readFrom,
                        org.apache.rocketmq.remoting.protocol.header.GetMinOffsetRequestHeader.class),
                HeaderCase.of("GET_EARLIEST_MSG_STORETIME", RequestCode.GET_EARLIEST_MSG_STORETIME,
                        new TopicQueueRequestHeader("TopicTest", 2, "broker-a"),
                        new TopicQueueRequestHeader("TopicTest", 2, null),
                        TopicQueueRequestHeader::readFrom,
                        org.apache.rocketmq.remoting.protocol.header.GetEarliestMsgStoretimeRequestHeader.class),
                HeaderCase.of("SEARCH_OFFSET_BY_TIMESTAMP", RequestCode.SEARCH_OFFSET_BY_TIMESTAMP,
                        new SearchOffsetRequestHeader("TopicTest", 2, 1_700_000_000_000L,
                                SearchOffsetRequestHeader.Boundary.UPPER, "broker-a"),
                        new SearchOffsetRequestHeader("TopicTest", 2, 1_700_000_000_000L,
                                SearchOffsetRequestHeader.Boundary.LOWER, null),
                        SearchOffsetRequestHeader::readFrom,
                        org.apache.rocketmq.remoting.protocol.header.SearchOffsetRequestHeader.class),
                offsetResponse("QUERY_CONSUMER_OFFSET response",
                        org.apache.rocketmq.remoting.protocol.header.QueryConsumerOffsetResponseHeader.class),
                offsetResponse("SEARCH_OFFSET_BY_TIMESTAMP response",
                        org.apache.rocketmq.remoting.protocol.header.SearchOffsetResponseHeader.class),
                offsetResponse("GET_MAX_OFFSET response",
                        org.apache.rocketmq.remoting.protocol.header.GetMaxOffsetResponseHeader.class),
                offsetResponse("GET_MIN_OFFSET response",
                        org.apache.rocketmq.remoting.protocol.header.GetMinOffsetResponseHeader.class),
                HeaderCase.of("GET_EARLIEST_MSG_STORETIME response", ResponseCode.SUCCESS,
                        new GetEarliestMsgStoretimeResponseHeader(1_700_000_000_000L),
                        new GetEarliestMsgStoretimeResponseHeader(1_700_000_000_000L),
                        GetEarliestMsgStoretimeResponseHeader::readFrom,
                        org.apache.rocketmq.remoting.protocol.header.GetEarliestMsgStoretimeResponseHeader.class));
    }

    private static List<HeaderCase> messagesAndClients() {
        return List.of(
                HeaderCase.of("VIEW_MESSAGE_BY_ID", RequestCode.VIEW_MESSAGE_BY_ID,
                        new ViewMessageRequestHeader("TopicTest", 1234L), new ViewMessageRequestHeader(null, 1234L),
                        ViewMessageRequestHeader::readFrom,
                        org.apache.rocketmq.remoting.protocol.header.ViewMessageRequestHeader.class),
                HeaderCase.of("QUERY_MESSAGE", RequestCode.QUERY_MESSAGE,
                        new QueryMessageRequestHeader("TopicTest", "AC1100", 32, 1L, 2L, true),
                        new QueryMessageRequestHeader("TopicTest", "AC1100", 32, 1L, 2L, false),
                        QueryMessageRequestHeader::readFrom,
                        org.apache.rocketmq.remoting.protocol.header.QueryMessageRequestHeader.class,
                        "_UNIQUE_KEY_QUERY"),
                HeaderCase.of("QUERY_MESSAGE response", ResponseCode.SUCCESS,
                        new QueryMessageResponseHeader(1_700_000_000_000L, 4096L),
                        new QueryMessageResponseHeader(1_700_000_000_000L, 4096L),
                        QueryMessageResponseHeader::readFrom,
                        org.apache.rocketmq.remoting.protocol.header.QueryMessageResponseHeader.class),
                HeaderCase.own("HEART_BEAT response", ResponseCode.SUCCESS, new HeartbeatResponseHeader(true, true),
                        new HeartbeatResponseHeader(false, false), HeartbeatResponseHeader::readFrom),
                HeaderCase.of("UNREGISTER_CLIENT", RequestCode.UNREGISTER_CLIENT,
                        new UnregisterClientRequestHeader("127.0.0.1@1#2", "pg", "cg"),
                        new UnregisterClientRequestHeader("127.0.0.1@1#2", null, null),
                        UnregisterClientRequestHeader::readFrom,
                        org.apache.rocketmq.remoting.protocol.header.UnregisterClientRequestHeader.class),
                consumerGroup("GET_CONSUMER_LIST_BY_GROUP", RequestCode.GET_CONSUMER_LIST_BY_GROUP,
                        org.apache.rocketmq.remoting.protocol.header.GetConsumerListByGroupRequestHeader.class),
                consumerGroup("NOTIFY_CONSUMER_IDS_CHANGED", RequestCode.NOTIFY_CONSUMER_IDS_CHANGED,
                        org.apache.rocketmq.remoting.protocol.header.NotifyConsumerIdsChangedRequestHeader.class),
                consumerGroup("GET_CONSUMER_CONNECTION_LIST", RequestCode.GET_CONSUMER_CONNECTION_LIST,
                        org.apache.rocketmq.remoting.protocol.header.GetConsumerConnectionListRequestHeader.class),
                HeaderCase.of("CONSUMER_SEND_MSG_BACK", RequestCode.CONSUMER_SEND_MSG_BACK,
                        new ConsumerSendMsgBackRequestHeader(4096L, "cg", -1, "AC1100", "TopicTest", true, 3,
                                "broker-a"),
                        new ConsumerSendMsgBackRequestHeader(4096L, "cg", -1, null, null, false, null, null),
                        ConsumerSendMsgBackRequestHeader::readFrom,
                        org.apache.rocketmq.remoting.protocol.header.ConsumerSendMsgBackRequestHeader.class),
                HeaderCase.of("END_TRANSACTION", RequestCode.END_TRANSACTION,
                        new EndTransactionRequestHeader("pg", 5L, 4096L, 12, true, "AC1100", "TX1", "TopicTest"),
                        new EndTransactionRequestHeader("pg", 5L, 4096L, 12, false, "AC1100", null, null),
                        EndTransactionRequestHeader::readFrom,
                        org.apache.rocketmq.remoting.protocol.header.EndTransactionRequestHeader.class),
                HeaderCase.of("CHECK_TRANSACTION_STATE", RequestCode.CHECK_TRANSACTION_STATE,
                        new CheckTransactionStateRequestHeader("RMQ_SYS_TRANS_HALF_TOPIC", 5L, 4096L, "AC1100",
                                "TX1", "7F00000100002A9F0000000000001000", "broker-a"),
                        new CheckTransactionStateRequestHeader(null, 5L, 4096L, null, null, null, null),
                        CheckTransactionStateRequestHeader::readFrom,
                        org.apache.rocketmq.remoting.protocol.header.CheckTransactionStateRequestHeader.class));
    }

    private static List<HeaderCase> admin() {
        return List.of(
                resetOffset("INVOKE_BROKER_TO_RESET_OFFSET", RequestCode.INVOKE_BROKER_TO_RESET_OFFSET),
                resetOffset("RESET_CONSUMER_CLIENT_OFFSET", RequestCode.RESET_CONSUMER_CLIENT_OFFSET),
                HeaderCase.of("GET_CONSUMER_RUNNING_INFO", RequestCode.GET_CONSUMER_RUNNING_INFO,
                        new GetConsumerRunningInfoRequestHeader("cg", "127.0.0.1@1#2", true),
                        new GetConsumerRunningInfoRequestHeader("cg", "127.0.0.1@1#2", false),
                        GetConsumerRunningInfoRequestHeader::readFrom,
                        org.apache.rocketmq.remoting.protocol.header.GetConsumerRunningInfoRequestHeader.class),
                HeaderCase.of("CONSUME_MESSAGE_DIRECTLY", RequestCode.CONSUME_MESSAGE_DIRECTLY,
                        new ConsumeMessageDirectlyResultRequestHeader("cg", "127.0.0.1@1#2", "AC1100", "broker-a",
                                "TopicTest"),
                        new ConsumeMessageDirectlyResultRequestHeader("cg", null, null, null, null),
                        ConsumeMessageDirectlyResultRequestHeader::readFrom,
                        org.apache.rocketmq.remoting.protocol.header.ConsumeMessageDirectlyResultRequestHeader.class),
                HeaderCase.of("UPDATE_AND_CREATE_TOPIC", RequestCode.UPDATE_AND_CREATE_TOPIC,
                        new CreateTopicRequestHeader("TopicTest", "TBW102", 8, 4, 6, "SINGLE_TAG", 1, true,
                                "+message.type=NORMAL", true),
                        new CreateTopicRequestHeader("TopicTest", "TBW102", 8, 4, 6, "SINGLE_TAG", null, true, null,
                                false),
                        CreateTopicRequestHeader::readFrom,
                        org.apache.rocketmq.remoting.protocol.header.CreateTopicRequestHeader.class),
                topic("GET_TOPIC_STATS_INFO", RequestCode.GET_TOPIC_STATS_INFO,
                        org.apache.rocketmq.remoting.protocol.header.GetTopicStatsInfoRequestHeader.class),
                topic("DELETE_TOPIC_IN_BROKER", RequestCode.DELETE_TOPIC_IN_BROKER,
                        org.apache.rocketmq.remoting.protocol.header.DeleteTopicRequestHeader.class),
                topic("GET_TOPIC_CONFIG", RequestCode.GET_TOPIC_CONFIG,
                        org.apache.rocketmq.remoting.protocol.header.GetTopicConfigRequestHeader.class),
                HeaderCase.of("GET_CONSUME_STATS", RequestCode.GET_CONSUME_STATS,
                        new GetConsumeStatsRequestHeader("cg", "TopicTest"),
                        new GetConsumeStatsRequestHeader("cg", null),
                        GetConsumeStatsRequestHeader::readFrom,
                        org.apache.rocketmq.remoting.protocol.header.GetConsumeStatsRequestHeader.class),
                HeaderCase.of("GET_PRODUCER_CONNECTION_LIST", RequestCode.GET_PRODUCER_CONNECTION_LIST,
                        new GetProducerConnectionListRequestHeader("pg"),
                        new GetProducerConnectionListRequestHeader("pg"),
                        GetProducerConnectionListRequestHeader::readFrom,
                        org.apache.rocketmq.remoting.protocol.header.GetProducerConnectionListRequestHeader.class),
                HeaderCase.own("RESEND_DEAD_LETTER", RequestCode.RESEND_DEAD_LETTER,
                        new ResendDeadLetterRequestHeader("cg", "AC1100"),
                        new ResendDeadLetterRequestHeader("cg", "AC1100"),
                        ResendDeadLetterRequestHeader::readFrom, "group", "msgId"),
                HeaderCase.own("RESEND_DEAD_LETTER response", ResponseCode.SUCCESS,
                        new ResendDeadLetterResponseHeader("7F00000100002A9F0000000000001000", "TopicTest", 2, 9L),
                        new ResendDeadLetterResponseHeader("7F00000100002A9F0000000000001000", "TopicTest", 2, 9L),
                        ResendDeadLetterResponseHeader::readFrom, "msgId", "topic", "queueId", "queueOffset"));
    }

    private static List<HeaderCase> nameServer() {
        return List.of(
                HeaderCase.of("REGISTER_BROKER", RequestCode.REGISTER_BROKER,
                        new RegisterBrokerRequestHeader("broker-a", "10.0.0.1:10911", "DefaultCluster",
                                "10.0.0.1:10912", 1L, 30_000L, true, true, 12345),
                        new RegisterBrokerRequestHeader("broker-a", "10.0.0.1:10911", "DefaultCluster",
                                "10.0.0.1:10912", 1L, null, false, false, 0),
                        RegisterBrokerRequestHeader::readFrom,
                        org.apache.rocketmq.remoting.protocol.header.namesrv.RegisterBrokerRequestHeader.class),
                HeaderCase.of("REGISTER_BROKER response", ResponseCode.SUCCESS,
                        new RegisterBrokerResponseHeader("10.0.0.1:10912", "10.0.0.1:10911"),
                        new RegisterBrokerResponseHeader(null, null),
                        RegisterBrokerResponseHeader::readFrom,
                        org.apache.rocketmq.remoting.protocol.header.namesrv.RegisterBrokerResponseHeader.class),
                brokerIdentity("UNREGISTER_BROKER", RequestCode.UNREGISTER_BROKER,
                        org.apache.rocketmq.remoting.protocol.header.namesrv.UnRegisterBrokerRequestHeader.class),
                brokerIdentity("QUERY_DATA_VERSION", RequestCode.QUERY_DATA_VERSION,
                        org.apache.rocketmq.remoting.protocol.header.namesrv.QueryDataVersionRequestHeader.class),
                HeaderCase.of("QUERY_DATA_VERSION response", ResponseCode.SUCCESS,
                        new QueryDataVersionResponseHeader(true), new QueryDataVersionResponseHeader(true),
                        QueryDataVersionResponseHeader::readFrom,
                        org.apache.rocketmq.remoting.protocol.header.namesrv.QueryDataVersionResponseHeader.class),
                HeaderCase.of("BROKER_HEARTBEAT", RequestCode.BROKER_HEARTBEAT,
                        new BrokerHeartbeatRequestHeader("DefaultCluster", "10.0.0.1:10911", "broker-a", 1L),
                        new BrokerHeartbeatRequestHeader("DefaultCluster", "10.0.0.1:10911", "broker-a", null),
                        BrokerHeartbeatRequestHeader::readFrom,
                        org.apache.rocketmq.remoting.protocol.header.namesrv.BrokerHeartbeatRequestHeader.class),
                HeaderCase.of("GET_ROUTEINFO_BY_TOPIC", RequestCode.GET_ROUTEINFO_BY_TOPIC,
                        new GetRouteInfoRequestHeader("TopicTest", true),
                        new GetRouteInfoRequestHeader("TopicTest", null),
                        GetRouteInfoRequestHeader::readFrom,
                        org.apache.rocketmq.remoting.protocol.header.namesrv.GetRouteInfoRequestHeader.class),
                HeaderCase.of("PUT_KV_CONFIG", PUT_KV_CONFIG,
                        new PutKvConfigRequestHeader("ORDER_TOPIC_CONFIG", "TopicTest", "broker-a:4"),
                        new PutKvConfigRequestHeader("ORDER_TOPIC_CONFIG", "TopicTest", "broker-a:4"),
                        PutKvConfigRequestHeader::readFrom,
                        org.apache.rocketmq.remoting.protocol.header.namesrv.PutKVConfigRequestHeader.class),
                HeaderCase.of("GET_KV_CONFIG", RequestCode.GET_KV_CONFIG,
                        new KvConfigRequestHeader("ORDER_TOPIC_CONFIG", "TopicTest"),
                        new KvConfigRequestHeader("ORDER_TOPIC_CONFIG", "TopicTest"),
                        KvConfigRequestHeader::readFrom,
                        org.apache.rocketmq.remoting.protocol.header.namesrv.GetKVConfigRequestHeader.class),
                HeaderCase.of("DELETE_KV_CONFIG", DELETE_KV_CONFIG,
                        new KvConfigRequestHeader("ORDER_TOPIC_CONFIG", "TopicTest"),
                        new KvConfigRequestHeader("ORDER_TOPIC_CONFIG", "TopicTest"),
                        KvConfigRequestHeader::readFrom,
                        org.apache.rocketmq.remoting.protocol.header.namesrv.DeleteKVConfigRequestHeader.class),
                HeaderCase.of("GET_KV_CONFIG response", ResponseCode.SUCCESS,
                        new KvConfigResponseHeader("broker-a:4"), new KvConfigResponseHeader(null),
                        KvConfigResponseHeader::readFrom,
                        org.apache.rocketmq.remoting.protocol.header.namesrv.GetKVConfigResponseHeader.class),
                HeaderCase.of("GET_TOPICS_BY_CLUSTER", RequestCode.GET_TOPICS_BY_CLUSTER,
                        new GetTopicsByClusterRequestHeader("DefaultCluster"),
                        new GetTopicsByClusterRequestHeader("DefaultCluster"),
                        GetTopicsByClusterRequestHeader::readFrom,
                        org.apache.rocketmq.remoting.protocol.header.GetTopicsByClusterRequestHeader.class),
                HeaderCase.of("DELETE_TOPIC_IN_NAMESRV", RequestCode.DELETE_TOPIC_IN_NAMESRV,
                        new DeleteTopicFromNamesrvRequestHeader("TopicTest", "DefaultCluster"),
                        new DeleteTopicFromNamesrvRequestHeader("TopicTest", null),
                        DeleteTopicFromNamesrvRequestHeader::readFrom,
                        org.apache.rocketmq.remoting.protocol.header.namesrv
                                .DeleteTopicFromNamesrvRequestHeader.class));
    }

    private static HeaderCase brokerIdentity(String name, int code,
            Class<? extends org.apache.rocketmq.remoting.CommandCustomHeader> official) {
        return HeaderCase.of(name, code,
                new BrokerIdentityRequestHeader("broker-a", "10.0.0.1:10911", "DefaultCluster", 1L),
                new BrokerIdentityRequestHeader("broker-a", "10.0.0.1:10911", "DefaultCluster", 1L),
                BrokerIdentityRequestHeader::readFrom, official);
    }

    private static HeaderCase consumerGroup(String name, int code,
            Class<? extends org.apache.rocketmq.remoting.CommandCustomHeader> official) {
        return HeaderCase.of(name, code, new ConsumerGroupRequestHeader("cg"), new ConsumerGroupRequestHeader("cg"),
                ConsumerGroupRequestHeader::readFrom, official);
    }

    private static HeaderCase topic(String name, int code,
            Class<? extends org.apache.rocketmq.remoting.CommandCustomHeader> official) {
        return HeaderCase.of(name, code, new TopicRequestHeader("TopicTest"), new TopicRequestHeader("TopicTest"),
                TopicRequestHeader::readFrom, official);
    }

    private static HeaderCase resetOffset(String name, int code) {
        return HeaderCase.of(name, code,
                new ResetOffsetRequestHeader("TopicTest", "cg", 2, 77L, 1_700_000_000_000L, true),
                new ResetOffsetRequestHeader("TopicTest", "cg", -1, null, 1_700_000_000_000L, true),
                ResetOffsetRequestHeader::readFrom,
                org.apache.rocketmq.remoting.protocol.header.ResetOffsetRequestHeader.class);
    }

    private static HeaderCase offsetResponse(String name,
            Class<? extends org.apache.rocketmq.remoting.CommandCustomHeader> official) {
        return HeaderCase.of(name, ResponseCode.SUCCESS, new OffsetResponseHeader(1234L),
                new OffsetResponseHeader(1234L), OffsetResponseHeader::readFrom, official);
    }

    private static HeaderCase sendRequest(String name, int code, boolean batch,
            Class<? extends org.apache.rocketmq.remoting.CommandCustomHeader> official) {
        return HeaderCase.of(name, code,
                new SendMessageRequestHeader("pg", "TopicTest", "TBW102", 4, 3, 769, 1_700_000_000_123L, 7,
                        PROPERTIES, 2, true, 16, !batch, "broker-a"),
                new SendMessageRequestHeader("pg", "TopicTest", "TBW102", 4, 3, 769, 1_700_000_000_123L, 7, "", 0,
                        false, null, batch, null),
                SendMessageRequestHeader::readFrom, official,
                // RocketMQ's V2 header decodes the broker name from "n" only; its client adds "bname" loose
                official == org.apache.rocketmq.remoting.protocol.header.SendMessageRequestHeaderV2.class
                        ? new String[] {"bname"} : new String[0]);
    }

    private static HeaderCase pullRequest(String name, int code) {
        return HeaderCase.of(name, code,
                new PullMessageRequestHeader("cg", "TopicTest", 3, 100L, 32, 0x7, 99L, 15_000L, "tagA || tagB",
                        1_700_000_000_000L, "TAG", 262_144, "broker-a"),
                new PullMessageRequestHeader("cg", "TopicTest", 3, 100L, 32, 0x7, 99L, 15_000L, null,
                        1_700_000_000_000L, null, null, null),
                PullMessageRequestHeader::readFrom,
                org.apache.rocketmq.remoting.protocol.header.PullMessageRequestHeader.class);
    }

    private static List<HeaderCase> accessControl() {
        return List.of(
                user("AUTH_CREATE_USER", RequestCode.AUTH_CREATE_USER,
                        org.apache.rocketmq.remoting.protocol.header.CreateUserRequestHeader.class),
                user("AUTH_UPDATE_USER", RequestCode.AUTH_UPDATE_USER,
                        org.apache.rocketmq.remoting.protocol.header.UpdateUserRequestHeader.class),
                user("AUTH_DELETE_USER", RequestCode.AUTH_DELETE_USER,
                        org.apache.rocketmq.remoting.protocol.header.DeleteUserRequestHeader.class),
                user("AUTH_GET_USER", RequestCode.AUTH_GET_USER,
                        org.apache.rocketmq.remoting.protocol.header.GetUserRequestHeader.class),
                HeaderCase.of("AUTH_LIST_USER", RequestCode.AUTH_LIST_USER,
                        new ListUsersRequestHeader("ali"), new ListUsersRequestHeader(null),
                        ListUsersRequestHeader::readFrom,
                        org.apache.rocketmq.remoting.protocol.header.ListUsersRequestHeader.class),
                acl("AUTH_CREATE_ACL", RequestCode.AUTH_CREATE_ACL,
                        org.apache.rocketmq.remoting.protocol.header.CreateAclRequestHeader.class),
                acl("AUTH_UPDATE_ACL", RequestCode.AUTH_UPDATE_ACL,
                        org.apache.rocketmq.remoting.protocol.header.UpdateAclRequestHeader.class),
                acl("AUTH_GET_ACL", RequestCode.AUTH_GET_ACL,
                        org.apache.rocketmq.remoting.protocol.header.GetAclRequestHeader.class),
                HeaderCase.of("AUTH_DELETE_ACL", RequestCode.AUTH_DELETE_ACL,
                        new DeleteAclRequestHeader("User:alice", "Custom", "Topic:orders"),
                        new DeleteAclRequestHeader(null, null, null), DeleteAclRequestHeader::readFrom,
                        org.apache.rocketmq.remoting.protocol.header.DeleteAclRequestHeader.class),
                HeaderCase.of("AUTH_LIST_ACL", RequestCode.AUTH_LIST_ACL,
                        new ListAclsRequestHeader("alice", "Topic"), new ListAclsRequestHeader(null, null),
                        ListAclsRequestHeader::readFrom,
                        org.apache.rocketmq.remoting.protocol.header.ListAclsRequestHeader.class));
    }

    private static HeaderCase user(String name, int code,
            Class<? extends org.apache.rocketmq.remoting.CommandCustomHeader> official) {
        return HeaderCase.of(name, code, new UserRequestHeader("alice"), new UserRequestHeader(null),
                UserRequestHeader::readFrom, official);
    }

    private static HeaderCase acl(String name, int code,
            Class<? extends org.apache.rocketmq.remoting.CommandCustomHeader> official) {
        return HeaderCase.of(name, code, new AclRequestHeader("User:alice"), new AclRequestHeader(null),
                AclRequestHeader::readFrom, official);
    }
}
