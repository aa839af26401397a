package io.nimbusmq.broker.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.nimbusmq.broker.http.StaticFiles;
import org.apache.rocketmq.client.QueryResult;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The topics API against a running broker: what it lists and shows, and each change checked through the official
 * admin client (rocketmq-tools 5.3.1), with the refusals of bad input.
 */
class ConsoleTopicApiIntegrationTests {

    @RegisterExtension
    static final ConsoleBroker broker = new ConsoleBroker();

    @Test
    void listsUserAndSystemTopicsWithQueuesAndMessageCounts() throws Exception {
        String topic = broker.createTopic("listed", 3);
        broker.send(broker.producer(), topic, "k", 7);
        broker.awaitStored(topic, 7);

        JsonNode topics = broker.http().get("/api/topics").json();

        JsonNode listed = find(topics, topic);
        assertThat(listed.path("system").asBoolean()).isFalse();
        assertThat(listed.path("readQueues").asInt()).isEqualTo(3);
        assertThat(listed.path("messages").asLong()).isEqualTo(7);
        assertThat(find(topics, "TBW102").path("system").asBoolean()).isTrue();
    }

    @Test
    void showsEachQueuesOffsetsAsTheAdminToolsSeeThem() throws Exception {
        String topic = broker.createTopic("detail", 2);
        broker.send(broker.producer(), topic, "d", 10);
        broker.awaitStored(topic, 10);

        JsonNode detail = broker.http().get("/api/topics/" + topic).json();

        var stats = broker.admin().examineTopicStats(topic).getOffsetTable();
        assertThat(detail.path("queues")).hasSize(2);
        for (JsonNode queue : detail.path("queues")) {
            var official = stats.entrySet().stream()
                    .filter(e -> e.getKey().getQueueId() == queue.path("queueId").asInt()).findFirst().orElseThrow()
                    .getValue();
            assertThat(queue.path("minOffset").asLong()).isEqualTo(official.getMinOffset());
            assertThat(queue.path("maxOffset").asLong()).isEqualTo(official.getMaxOffset());
            assertThat(queue.path("lastStoreTimeMillis").asLong()).isEqualTo(official.getLastUpdateTimestamp());
        }
    }

    @Test
    void createsUpdatesAndDeletesATopicAsTheAdminClientSeesIt() throws Exception {
        String topic = ConsoleBroker.uniqueName("made");
        String address = broker.broker().address();

        var created = broker.http().post("/api/topics", Map.of("topic", topic, "readQueues", 3, "writeQueues", 3));
        assertThat(created.status()).isEqualTo(201);
        TopicConfig config = broker.admin().examineTopicConfig(address, topic);
        assertThat(config.getWriteQueueNums()).isEqualTo(3);
        assertThat(config.getPerm()).isEqualTo(6);

        var updated = broker.http().put("/api/topics/" + topic, Map.of("writeQueues", 6, "readQueues", 6,
                "perm", 4));
        assertThat(updated.status()).isEqualTo(200);
        config = broker.admin().examineTopicConfig(address, topic);
        assertThat(config.getWriteQueueNums()).isEqualTo(6);
        assertThat(config.getPerm()).isEqualTo(4);

        assertThat(broker.http().delete("/api/topics/" + topic).status()).isEqualTo(204);
        await("topic gone from the route table").atMost(ConsoleBroker.PATIENCE)
                .until(() -> !broker.admin().fetchAllTopicList().getTopicList().contains(topic));
    }

    @Test
    void sendsATestMessageThatTheAdminClientFindsByKey() throws Exception {
        String topic = broker.createTopic("test-send", 2);

        var sent = broker.http().post("/api/topics/" + topic + "/messages", Map.of("body", "{\"hello\": \"world\"}",
                "tag", "Probe", "keys", "probe-key", "properties", Map.of("source", "console")));

        assertThat(sent.status()).isEqualTo(201);
        long now = System.currentTimeMillis();
        QueryResult found = await("message indexed").atMost(ConsoleBroker.PATIENCE).ignoreExceptions()
                .until(() -> broker.admin().queryMessage(topic, "probe-key", 10, now - 60_000, now + 60_000),
                        result -> !result.getMessageList().isEmpty());
        MessageExt message = found.getMessageList().get(0);
        assertThat(new String(message.getBody(), StandardCharsets.UTF_8)).isEqualTo("{\"hello\": \"world\"}");
        assertThat(message.getTags()).isEqualTo("Probe");
        assertThat(message.getUserProperty("source")).isEqualTo("console");
        assertThat(message.getMsgId()).isEqualTo(sent.json().path("msgId").asText());
        assertThat(message.getQueueOffset()).isEqualTo(sent.json().path("queueOffset").asLong());
    }

    @Test
    void refusesBadTopicsWithAReasonAndChangesNothing() throws Exception {
        String existing = broker.createTopic("exists", 1);
        int topicsBefore = broker.http().get("/api/topics").json().size();

        assertRefused(broker.http().post("/api/topics", Map.of("topic", "bad name!")), 400, "illegal characters");
        assertRefused(broker.http().post("/api/topics", Map.of("topic", existing)), 409, "already exists");
        assertRefused(broker.http().post("/api/topics", Map.of("topik", "x")), 400, "Unknown field 'topik'");
        assertRefused(broker.http().post("/api/topics", Map.of("topic", "q0", "writeQueues", 0)), 400,
                "writeQueues must be between 1 and 1024");
        assertRefused(broker.http().post("/api/topics", Map.of("topic", "p5", "perm", 5)), 400, "perm must be");
        assertRefused(broker.http().post("/api/topics", Map.of("topic", "%RETRY%g")), 400, "system topic");
        assertRefused(broker.http().raw("POST", "/api/topics", "{bad".getBytes(StandardCharsets.UTF_8),
                Map.of("X-Nimbus-Console", "1")), 400, "not valid JSON");
        assertRefused(broker.http().put("/api/topics/no-such-topic", Map.of("writeQueues", 2)), 404,
                "There is no topic no-such-topic");
        assertRefused(broker.http().delete("/api/topics/no-such-topic"), 404, "There is no topic");
        assertRefused(broker.http().get("/api/topics/no-such-topic"), 404, "There is no topic");

        assertThat(broker.http().get("/api/topics").json()).hasSize(topicsBefore);
        assertThat(broker.admin().fetchAllTopicList().getTopicList()).doesNotContain("bad name!", "q0", "p5");
    }

    @Test
    void refusesBadTestMessages() throws Exception {
        String topic = broker.createTopic("bad-send", 1);

        assertRefused(broker.http().post("/api/topics/" + topic + "/messages", Map.of("body", "")), 400,
                "body is empty");
        assertRefused(broker.http().post("/api/topics/unknown-topic/messages", Map.of("body", "x")), 404,
                "There is no topic unknown-topic");
        assertRefused(broker.http().post("/api/topics/" + topic + "/messages", Map.of("body", "x",
                "properties", Map.of("bad\u0001name", "v"))), 400, "separator");

        assertThat(broker.broker().messageStore().maxOffsetInQueue(topic, 0)).isZero();
    }

    @Test
    void refusesAnOversizeBodyUnread() {
        byte[] huge = new byte[2 * 1024 * 1024];
        Arrays.fill(huge, (byte) 'a');

        var answer = broker.http().raw("POST", "/api/topics", huge, Map.of("X-Nimbus-Console", "1"));

        assertRefused(answer, 413, "larger than the 1024 KiB");
    }

    @Test
    void unknownPathsAndMethodsAreAnsweredInWords() {
        assertRefused(broker.http().get("/api/nothing-here"), 404, "There is nothing at /api/nothing-here");
        assertRefused(broker.http().raw("PATCH", "/api/topics", null, Map.of("X-Nimbus-Console", "1")), 405,
                "PATCH is not supported");
    }

    @Test
    void thePageLinksItsFilesUnderTheRunsVersionSoBrowsersKeepThem() {
        String version = StaticFiles.VERSION;
        var page = broker.http().get("/");

        assertThat(page.response().body()).contains("\"/assets/" + version + "/app.js\"",
                "\"/vendor/" + version + "/uPlot.iife.min.js\"").doesNotContain("\"/assets/app.js\"");
        assertThat(page.response().headers().firstValue("Cache-Control")).contains("no-cache");
        var linked = broker.http().get("/assets/" + version + "/api.js");
        assertThat(linked.status()).isEqualTo(200);
        assertThat(linked.response().headers().firstValue("Cache-Control"))
                .contains("public, max-age=31536000, immutable");
        assertThat(broker.http().get("/assets/of-another-run/api.js").response().headers()
                .firstValue("Cache-Control")).contains("no-cache");
        assertThat(broker.http().get("/assets/" + version + "/..%2Fconsole.css").status()).isEqualTo(404);
    }

    @Test
    void thePageRunsItsFirstScriptInlineAndItsPolicyAllowsThatScriptByItsHashOnly() throws Exception {
        var page = broker.http().get("/");
        String html = page.response().body();
        String script = html.substring(html.indexOf("<script>") + "<script>".length(), html.indexOf("</script>"));
        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(script.getBytes(StandardCharsets.UTF_8)));
        String policy = page.response().headers().firstValue("Content-Security-Policy").orElseThrow();
        String everywhereElse = broker.http().get("/api/session").response().headers()
                .firstValue("Content-Security-Policy").orElseThrow();

        assertThat(script).contains("window.consolePrefetched");
        assertThat(html).doesNotContain("prefetch.js");
        assertThat(everywhereElse).contains("script-src 'self';");
        assertThat(policy).isEqualTo(everywhereElse.replace("script-src 'self';",
                "script-src 'self' 'sha256-" + hash + "';")).doesNotContain("unsafe-inline");
    }

    static JsonNode find(JsonNode topics, String name) {
        for (JsonNode topic : topics) {
            if (topic.path("topic").asText().equals(name)) {
                return topic;
            }
        }
        throw new AssertionError("no topic " + name + " in " + topics);
    }

    static void assertRefused(ConsoleHttp.Answer answer, int status, String reason) {
        assertThat(answer.status()).as("status of %s", answer.response().uri()).isEqualTo(status);
        assertThat(answer.error()).as("error of %s", answer.response().uri()).contains(reason);
        assertThat(answer.response().body()).doesNotContain("Exception", "\tat ");
    }
}
