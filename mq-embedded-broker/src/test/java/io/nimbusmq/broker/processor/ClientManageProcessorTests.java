package io.nimbusmq.broker.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.embedded.EmbeddedChannel;
import io.nimbusmq.broker.client.ClientChannelInfo;
import io.nimbusmq.broker.client.ConsumerIdsChangeNotifier;
import io.nimbusmq.broker.client.ConsumerManager;
import io.nimbusmq.broker.client.ProducerManager;
import io.nimbusmq.broker.client.SubscriptionValidator;
import io.nimbusmq.message.SystemTopics;
import io.nimbusmq.remoting.dispatch.RequestContext;
import io.nimbusmq.remoting.protocol.LanguageCode;
import io.nimbusmq.remoting.protocol.MissingHeaderFieldException;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.ResponseCode;
import io.nimbusmq.remoting.protocol.body.InvalidBodyException;
import io.nimbusmq.remoting.protocol.body.RemotingJson;
import io.nimbusmq.remoting.protocol.body.client.CheckClientConfigBody;
import io.nimbusmq.remoting.protocol.body.client.ConsumeFromWhere;
import io.nimbusmq.remoting.protocol.body.client.ConsumeType;
import io.nimbusmq.remoting.protocol.body.client.ConsumerData;
import io.nimbusmq.remoting.protocol.body.client.ConsumerListBody;
import io.nimbusmq.remoting.protocol.body.client.HeartbeatData;
import io.nimbusmq.remoting.protocol.body.client.MessageModel;
import io.nimbusmq.remoting.protocol.body.client.ProducerData;
import io.nimbusmq.remoting.protocol.body.client.SubscriptionData;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ClientManageProcessorTests {

    private static final long NOW_MILLIS = 1_700_000_000_000L;

    private final EmbeddedChannel channelA = new EmbeddedChannel();
    private final EmbeddedChannel channelB = new EmbeddedChannel();
    private final ConsumerManager consumers =
            new ConsumerManager(new ConsumerIdsChangeNotifier((channel, command) -> channel.writeAndFlush(command)));
    private final ProducerManager producers = new ProducerManager();
    private final List<String> createdGroups = new ArrayList<>();
    private final ClientManageProcessor processor = new ClientManageProcessor(consumers, producers,
            createdGroups::add, SubscriptionValidator.PROPERTY_FILTER_DISABLED,
            Clock.fixed(Instant.ofEpochMilli(NOW_MILLIS), ZoneOffset.UTC));

    @AfterEach
    void closeChannels() {
        channelA.finishAndReleaseAll();
        channelB.finishAndReleaseAll();
    }

    @Test
    void heartbeatRegistersGroupsAndAnswersWithBrokerVersion() {
        RemotingCommand request = heartbeatRequest(heartbeat("client-a", false, SubscriptionData.ofTags("T", "a", 1)))
                .setLanguage(LanguageCode.GO).setVersion(401);

        RemotingCommand response = processor.processRequest(new RequestContext(channelA, request), request);

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(response.opaque()).isEqualTo(request.opaque());
        assertThat(response.version()).isEqualTo(475);
        assertThat(response.extFields()).containsEntry("IS_SUPPORT_HEART_BEAT_V2", "true")
                .containsEntry("IS_SUB_CHANGE", "true");
        assertThat(consumers.consumerIds("cg")).containsExactly("client-a");
        assertThat(consumers.findSubscription("cg", "T")).get().extracting(SubscriptionData::subString)
                .isEqualTo("a");
        assertThat(producers.connections("pg")).singleElement().satisfies(client -> {
            assertThat(client.clientId()).isEqualTo("client-a");
            assertThat(client.language()).isEqualTo(LanguageCode.GO);
            assertThat(client.version()).isEqualTo(401);
            assertThat(client.lastUpdateMillis()).isEqualTo(NOW_MILLIS);
            assertThat(client.channel()).isSameAs(channelA);
        });
        assertThat(producers.groups()).containsExactlyInAnyOrder("pg", SystemTopics.CLIENT_INNER_PRODUCER);
    }

    @Test
    void heartbeatCreatesRetryTopicOfEachConsumerGroup() {
        send(channelA, heartbeatRequest(heartbeat("client-a", false, SubscriptionData.ofTags("T", "*", 1))));

        assertThat(createdGroups).containsExactly("cg");
    }

    @Test
    void secondMemberMakesBrokerNotifyBothMembers() {
        send(channelA, heartbeatRequest(heartbeat("client-a", false, SubscriptionData.ofTags("T", "*", 1))));
        assertThat(notificationsOn(channelA)).containsExactly("cg");

        send(channelB, heartbeatRequest(heartbeat("client-b", false, SubscriptionData.ofTags("T", "*", 1))));

        assertThat(notificationsOn(channelA)).containsExactly("cg");
        assertThat(notificationsOn(channelB)).containsExactly("cg");
        send(channelB, heartbeatRequest(heartbeat("client-b", false, SubscriptionData.ofTags("T", "*", 1))));
        assertThat(notificationsOn(channelA)).isEmpty();
        assertThat(notificationsOn(channelB)).isEmpty();
    }

    @Test
    void heartbeatWithoutSubKeepsSubscriptions() {
        send(channelA, heartbeatRequest(heartbeat("client-a", false, SubscriptionData.ofTags("T", "a", 1))));

        send(channelA, heartbeatRequest(heartbeat("client-a", true)));

        assertThat(consumers.findSubscription("cg", "T")).isPresent();
    }

    @Test
    void heartbeatWithoutClientIdIsRefused() {
        RemotingCommand response = send(channelA, heartbeatRequest(new HeartbeatData(null, Set.of(), Set.of(), 0,
                false)));

        assertThat(response.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(response.remark()).contains("clientID");
    }

    @Test
    void unregisterClientRemovesChannelFromNamedGroups() {
        send(channelA, heartbeatRequest(heartbeat("client-a", false, SubscriptionData.ofTags("T", "*", 1))));

        RemotingCommand response = send(channelA, RemotingCommand.createRequest(RequestCode.UNREGISTER_CLIENT)
                .putExtField("clientID", "client-a").putExtField("consumerGroup", "cg")
                .putExtField("producerGroup", "pg"));

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(consumers.groups()).isEmpty();
        assertThat(producers.groups()).containsExactly(SystemTopics.CLIENT_INNER_PRODUCER);
    }

    @Test
    void unregisterClientRequiresClientId() {
        RemotingCommand request = RemotingCommand.createRequest(RequestCode.UNREGISTER_CLIENT);

        assertThatThrownBy(() -> processor.processRequest(new RequestContext(channelA, request), request))
                .isInstanceOf(MissingHeaderFieldException.class);
    }

    @Test
    void consumerListNamesOnlineMembers() {
        send(channelA, heartbeatRequest(heartbeat("client-b", false)));
        send(channelB, heartbeatRequest(heartbeat("client-a", false)));

        RemotingCommand response = send(channelA, consumerListRequest("cg"));

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(RemotingJson.decode(response.body(), ConsumerListBody.class).consumerIdList())
                .containsExactly("client-a", "client-b");
    }

    @Test
    void consumerListOfOfflineGroupIsSystemError() {
        RemotingCommand response = send(channelA, consumerListRequest("nobody"));

        assertThat(response.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(response.remark()).isEqualTo("no consumer for this group, nobody");
        assertThat(response.body()).isNull();
    }

    @Test
    void checkClientConfigAcceptsTags() {
        RemotingCommand response = send(channelA, checkRequest(SubscriptionData.ofTags("T", "a || b", 1)));

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
    }

    @Test
    void checkClientConfigRefusesSql92ByDefault() {
        RemotingCommand response = send(channelA, checkRequest(SubscriptionData.ofSql92("T", "a > 1", 1)));

        assertThat(response.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(response.remark()).isEqualTo("The broker does not support consumer to filter message by SQL92");
    }

    @Test
    void checkClientConfigAsksPluggedValidator() {
        ClientManageProcessor sqlAware = new ClientManageProcessor(consumers, producers, group -> {
        }, subscription -> subscription.subString().contains("(")
                ? SubscriptionValidator.Verdict.reject(ResponseCode.SUBSCRIPTION_PARSE_FAILED, "bad expression")
                : SubscriptionValidator.Verdict.accept(), Clock.systemUTC());

        RemotingCommand good = checkRequest(SubscriptionData.ofSql92("T", "a > 1", 1));
        RemotingCommand bad = checkRequest(SubscriptionData.ofSql92("T", "a > (", 1));

        assertThat(sqlAware.processRequest(new RequestContext(channelA, good), good).code())
                .isEqualTo(ResponseCode.SUCCESS);
        RemotingCommand refused = sqlAware.processRequest(new RequestContext(channelA, bad), bad);
        assertThat(refused.code()).isEqualTo(ResponseCode.SUBSCRIPTION_PARSE_FAILED);
        assertThat(refused.remark()).isEqualTo("bad expression");
    }

    @Test
    void answersUnknownCodeAsNotSupported() {
        RemotingCommand response = send(channelA, RemotingCommand.createRequest(RequestCode.PULL_MESSAGE));

        assertThat(response.code()).isEqualTo(ResponseCode.REQUEST_CODE_NOT_SUPPORTED);
    }

    @Test
    void declaresItsRequestCodes() {
        assertThat(ClientManageProcessor.requestCodes()).containsExactlyInAnyOrder(34, 35, 38, 46);
    }

    private RemotingCommand send(EmbeddedChannel channel, RemotingCommand request) {
        return processor.processRequest(new RequestContext(channel, request), request);
    }

    /** The groups named by the NOTIFY_CONSUMER_IDS_CHANGED requests written to {@code channel} so far. */
    private static List<String> notificationsOn(EmbeddedChannel channel) {
        List<String> groups = new ArrayList<>();
        for (Object written = channel.readOutbound(); written != null; written = channel.readOutbound()) {
            RemotingCommand command = (RemotingCommand) written;
            assertThat(command.code()).isEqualTo(RequestCode.NOTIFY_CONSUMER_IDS_CHANGED);
            assertThat(command.isOneway()).isTrue();
            groups.add(command.optionalString("consumerGroup"));
        }
        return groups;
    }

    private static HeartbeatData heartbeat(String clientId, boolean withoutSub, SubscriptionData... subscriptions) {
        ConsumerData consumer = new ConsumerData("cg", ConsumeType.CONSUME_PASSIVELY, MessageModel.CLUSTERING,
                ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET, Set.of(subscriptions), false);
        return new HeartbeatData(clientId, Set.of(consumer),
                Set.of(new ProducerData("pg"), new ProducerData(SystemTopics.CLIENT_INNER_PRODUCER)), 0, withoutSub);
    }

    private static RemotingCommand heartbeatRequest(HeartbeatData heartbeat) {
        return RemotingCommand.createRequest(RequestCode.HEART_BEAT).setBody(RemotingJson.encode(heartbeat));
    }

    private static RemotingCommand consumerListRequest(String group) {
        return RemotingCommand.createRequest(RequestCode.GET_CONSUMER_LIST_BY_GROUP)
                .putExtField("consumerGroup", group);
    }

    private static RemotingCommand checkRequest(SubscriptionData subscription) {
        return RemotingCommand.createRequest(RequestCode.CHECK_CLIENT_CONFIG)
                .setBody(RemotingJson.encode(new CheckClientConfigBody("client-a", "cg", subscription)));
    }

    /**
     * Garbage heartbeat bodies (hand-picked, random bytes, and a valid body with random bytes changed) either get an
     * answer or an {@link InvalidBodyException}, which the dispatcher answers in one line: never another exception,
     * which would mean a stack trace per heartbeat.
     */
    @Test
    void garbageHeartbeatBodiesGetAClearErrorAndNothingElseGoesWrong() {
        List<byte[]> bodies = new ArrayList<>();
        for (String text : List.of("", "null", "[]", "{", "\u0001\u0002garbage", "{\"clientID\":5}", "\"text\"",
                "{\"clientID\":\"c\",\"consumerDataSet\":[null]}",
                "{\"clientID\":\"c\",\"producerDataSet\":[null]}",
                "{\"clientID\":\"c\",\"consumerDataSet\":[{\"groupName\":\"g\",\"subscriptionDataSet\":[null]}]}",
                "{\"clientID\":\"c\",\"consumerDataSet\":[{\"groupName\":\"g\",\"consumeType\":\"NOPE\"}]}",
                "{\"clientID\":\"c\",\"consumerDataSet\":{}}", "[".repeat(5000) + "]".repeat(5000))) {
            bodies.add(text.getBytes(StandardCharsets.UTF_8));
        }
        Random random = new Random(42);
        byte[] valid = RemotingJson.encode(heartbeat("client-x", false, SubscriptionData.ofTags("T", "a", 1)));
        for (int i = 0; i < 2000; i++) {
            byte[] body = i % 2 == 0 ? new byte[random.nextInt(64)] : valid.clone();
            if (i % 2 == 0) {
                random.nextBytes(body);
            } else {
                for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                    body[random.nextInt(body.length)] = (byte) random.nextInt(256);
                }
            }
            bodies.add(body);
        }

        for (byte[] body : bodies) {
            RemotingCommand request = RemotingCommand.createRequest(RequestCode.HEART_BEAT).setBody(body);
            try {
                RemotingCommand response = processor.processRequest(new RequestContext(channelA, request), request);
                if (response.code() != ResponseCode.SUCCESS) {
                    assertThat(response.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
                    assertThat(response.remark()).isNotBlank();
                }
            } catch (InvalidBodyException expected) {
                assertThat(expected.getMessage()).containsPattern("(cannot read|missing) HeartbeatData body");
            }
        }
    }

    @Test
    void aHeartbeatNamingAnIllegalGroupRegistersNothing() {
        ConsumerData bad = new ConsumerData("bad group/../x", ConsumeType.CONSUME_PASSIVELY, MessageModel.CLUSTERING,
                ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET, Set.of(), false);
        RemotingCommand request = heartbeatRequest(new HeartbeatData("client-a", Set.of(bad), Set.of(), 0, false));

        RemotingCommand response = processor.processRequest(new RequestContext(channelA, request), request);

        assertThat(response.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(response.remark()).contains("illegal consumer group");
        assertThat(createdGroups).isEmpty();
        assertThat(consumers.consumerIds("bad group/../x")).isEmpty();
    }
}
