package io.nimbusmq.broker.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.nimbusmq.remoting.protocol.body.TopicConfig;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Each page of the console in a real headless Chromium against a broker with live traffic (a producer and a consumer
 * group running throughout): what it shows is checked against the broker, each change is made through the page
 * (with its confirmation) and checked through the official admin client. Screenshots of every page go to
 * {@code target/console-screenshots/}.
 */
class ConsoleBrowserIntegrationTests {

    @RegisterExtension
    static final ConsoleBroker broker = new ConsoleBroker();

    private static ConsoleBrowser browser;
    private static ScheduledExecutorService traffic;
    private static String liveTopic;

    @BeforeAll
    static void startBrowserAndTraffic() throws Exception {
        liveTopic = broker.createTopic("orders", 4);
        DefaultMQProducer producer = broker.producer();
        broker.consumer(ConsoleBroker.uniqueName("billing"), liveTopic,
                (msgs, ctx) -> ConsumeConcurrentlyStatus.CONSUME_SUCCESS, 16);
        traffic = Executors.newSingleThreadScheduledExecutor();
        traffic.scheduleWithFixedDelay(() -> {
            try {
                producer.send(new Message(liveTopic, "TagA", "live",
                        "{\"order\": 1, \"item\": \"book\"}".getBytes(StandardCharsets.UTF_8)));
            } catch (Exception e) {
                // the next tick tries again; the pages only need some traffic
            }
        }, 0, 50, TimeUnit.MILLISECONDS);
        browser = new ConsoleBrowser();
    }

    @AfterAll
    static void stopBrowserAndTraffic() throws Exception {
        if (traffic != null) {
            traffic.shutdownNow();
            traffic.awaitTermination(10, TimeUnit.SECONDS);
        }
        if (browser != null) {
            browser.close();
        }
    }

    private static void open(String page) {
        browser.open(broker.consoleUrl() + "#/" + page);
    }

    @Test
    void overviewShowsTheBrokerAndItsLiveTraffic() {
        open("overview");

        browser.await(By.cssSelector("#traffic-chart .uplot canvas"));
        assertThat(browser.await(By.tagName("h1")).getText()).isEqualTo("Broker broker-a");
        assertThat(browser.await(By.cssSelector("[data-testid=card-address] .value")).getText())
                .isEqualTo(broker.broker().address());
        await("messages in per second").atMost(ConsoleBroker.PATIENCE).until(() -> !browser.await(
                By.cssSelector("[data-testid=card-in] .value")).getText().equals("0/s"));
        browser.awaitText(By.cssSelector("[data-testid=busiest-topics]"), liveTopic);
        browser.screenshot("overview");
    }

    @Test
    void createsATopicThroughTheFormAfterConfirmation() throws Exception {
        String topic = ConsoleBroker.uniqueName("created-in-browser");
        open("topics");
        browser.type(By.id("new-topic-name"), topic);
        browser.type(By.id("new-topic-write"), "6");
        browser.type(By.id("new-topic-read"), "6");
        browser.screenshot("topics");

        browser.await(By.id("create-topic-submit")).click();
        browser.confirm();

        browser.awaitText(By.id("topic-title"), "Topic " + topic);
        assertThat(browser.await(By.cssSelector("[data-testid=queues-table] tbody")).findElements(By.tagName("tr")))
                .hasSize(6);
        assertThat(broker.admin().examineTopicConfig(broker.broker().address(), topic).getWriteQueueNums())
                .isEqualTo(6);
        browser.screenshot("topic-detail");
    }

    @Test
    void cancellingTheConfirmationChangesNothing() {
        String topic = ConsoleBroker.uniqueName("never-created");
        open("topics");
        browser.type(By.id("new-topic-name"), topic);

        browser.await(By.id("create-topic-submit")).click();
        browser.await(By.id("confirm-cancel")).click();

        assertThat(browser.await(By.id("new-topic-name")).getAttribute("value")).isEqualTo(topic);
        assertThat(broker.broker().runtime().topics().find(topic)).isNull();
    }

    @Test
    void topicListShowsAHundredRowsAtATimeAndItsFilterSearchesThemAll() {
        String prefix = ConsoleBroker.uniqueName("paged");
        for (int i = 1000; i < 1120; i++) {
            broker.broker().runtime().topics().createOrUpdate(TopicConfig.of(prefix + "-" + i, 1));
        }
        open("topics");
        browser.type(By.id("topic-filter"), prefix);

        await("first page").atMost(ConsoleBroker.PATIENCE).until(() -> topicRows().size() == 100);
        assertThat(browser.await(By.cssSelector("[data-testid=topics-table-pager] .pager-range")).getText())
                .isEqualTo("1–100 of 120");
        assertThat(topicRows()).allSatisfy(row -> assertThat(row.getText()).contains(prefix));
        browser.await(By.cssSelector("[data-testid=topics-table-pager] .pager-next")).click();
        await("second page").atMost(ConsoleBroker.PATIENCE).until(() -> topicRows().size() == 20);
        assertThat(browser.await(By.cssSelector("[data-testid=topics-table-pager] .pager-range")).getText())
                .isEqualTo("101–120 of 120");
        assertThat(browser.await(By.cssSelector("[data-testid=topics-table-pager] .pager-next")).isEnabled())
                .isFalse();
        String onSecondPage = topicRows().get(0).findElement(By.tagName("a")).getText();

        browser.type(By.id("topic-filter"), onSecondPage);
        await("filtered").atMost(ConsoleBroker.PATIENCE).until(() -> topicRows().size() == 1
                && topicRows().get(0).getText().contains(onSecondPage));
        assertThat(browser.driver().findElements(By.cssSelector("[data-testid=topics-table-pager]"))).isEmpty();
        browser.await(By.linkText(onSecondPage)).click();
        browser.awaitText(By.id("topic-title"), "Topic " + onSecondPage);
    }

    private static List<WebElement> topicRows() {
        return browser.driver().findElements(By.cssSelector("[data-testid=topics-table] tbody tr"));
    }

    @Test
    void showsAGroupsLagAsTheOffsetsSayAndResetsItToTheEnd() throws Exception {
        String topic = broker.createTopic("lagging", 2);
        String group = ConsoleBroker.uniqueName("reports");
        broker.send(broker.producer(), topic, "report", 12);
        broker.awaitStored(topic, 12);
        broker.broker().runtime().offsets().commit(group, topic, 0, 1);
        broker.broker().runtime().offsets().commit(group, topic, 1, 1);
        long expectedLag = broker.broker().messageStore().maxOffsetInQueue(topic, 0)
                + broker.broker().messageStore().maxOffsetInQueue(topic, 1) - 2;

        open("groups/" + group);

        browser.awaitText(By.id("total-lag"), String.valueOf(expectedLag));
        browser.await(By.cssSelector("#lag-chart .uplot canvas"));
        browser.screenshot("group");
        new Select(browser.await(By.id("reset-topic"))).selectByValue(topic);
        new Select(browser.await(By.id("reset-to"))).selectByValue("end");
        browser.await(By.id("reset-submit")).click();
        browser.confirm();

        assertThat(browser.banner()).contains("Offsets of " + group + " on " + topic + " reset");
        browser.awaitText(By.id("total-lag"), "0");
        assertThat(broker.admin().examineConsumeStats(broker.broker().address(), group, topic, 10_000)
                .computeTotalDiff()).isZero();
    }

    @Test
    void groupListShowsTheLiveConsumers() {
        open("groups");

        WebElement table = browser.await(By.cssSelector("[data-testid=groups-table]"));
        browser.awaitText(By.cssSelector("[data-testid=groups-table]"), "online");
        assertThat(table.getText()).contains(liveTopic);
        browser.screenshot("groups");
    }

    @Test
    void findsAMessageByKeyAndShowsItsBody() throws Exception {
        String topic = broker.createTopic("searchable", 2);
        broker.producer().send(new Message(topic, "TagS", "invoice-4711",
                "{\"invoice\":4711,\"total\":99.5}".getBytes(StandardCharsets.UTF_8)));
        open("messages");
        browser.type(By.id("search-topic"), topic);
        new Select(browser.await(By.id("search-mode"))).selectByValue("key");
        browser.type(By.id("search-key"), "invoice-4711");

        await("message indexed and found").atMost(ConsoleBroker.PATIENCE).until(() -> {
            browser.await(By.id("search-submit")).click();
            return browser.await(By.id("search-count")).getText().startsWith("1 message");
        });
        browser.screenshot("messages");
        browser.await(By.cssSelector("[data-testid=messages-table] tbody a")).click();

        browser.awaitText(By.id("message-body"), "\"invoice\" : 4711");
        assertThat(browser.await(By.id("body-format")).getText()).isEqualTo("Shown as json");
        assertThat(browser.await(By.cssSelector("[data-testid=properties-table]")).getText())
                .contains("KEYS", "invoice-4711");
        browser.screenshot("message");
    }

    @Test
    void resendsADeadLetterToItsTopic() throws Exception {
        String topic = broker.createTopic("payments", 1);
        String group = ConsoleBroker.uniqueName("failing");
        broker.consumer(group, topic, (msgs, ctx) -> ConsumeConcurrentlyStatus.RECONSUME_LATER, 0);
        broker.send(broker.producer(), topic, "payment", 2);
        await("dead letters").atMost(ConsoleBroker.PATIENCE).until(() -> broker.broker().runtime().topics()
                .find("%DLQ%" + group) != null && broker.broker().messageStore()
                .maxOffsetInQueue("%DLQ%" + group, 0) == 2);
        open("dead-letters/" + group);

        WebElement resend = browser.await(By.cssSelector(".resend-dead-letter"));
        String msgId = resend.getAttribute("data-msgid");
        browser.screenshot("dead-letters");
        resend.click();
        browser.confirm();

        assertThat(browser.banner()).isEqualTo("Sent back to " + topic + ".");
        await("resent copy stored").atMost(ConsoleBroker.PATIENCE).until(() -> broker.admin().examineTopicStats(topic)
                .getOffsetTable().values().stream().mapToLong(o -> o.getMaxOffset()).sum() == 3);
        assertThat(broker.admin().viewMessage(topic, msgId).getTopic()).isEqualTo(topic);
    }

    @Test
    void showsScheduledMessagesByDueTimeAndTransactions() throws Exception {
        Message later = new Message(liveTopic, "TagL", "later-key", "later".getBytes(StandardCharsets.UTF_8));
        later.setDelayTimeLevel(17);
        String msgId = broker.producer().send(later).getMsgId();

        open("pending");

        // the page lists what is indexed when it opens; the delayed copy is indexed asynchronously after the send
        await("scheduled message listed").atMost(ConsoleBroker.PATIENCE).pollInterval(Duration.ofSeconds(1))
                .ignoreExceptionsInstanceOf(StaleElementReferenceException.class).until(() -> {
                    if (browser.await(By.cssSelector("[data-testid=scheduled-table]")).getText().contains(msgId)) {
                        return true;
                    }
                    browser.driver().navigate().refresh();
                    return false;
                });
        assertThat(browser.await(By.cssSelector("[data-testid=scheduled-table]")).getText())
                .contains("delay level 17", liveTopic);
        assertThat(browser.await(By.id("transactions-summary")).getText()).contains("waiting for their producer");
        browser.screenshot("pending");
    }

    @Test
    void explainsErrorsInWordsOnThePage() {
        open("topics/no-such-topic");

        assertThat(browser.banner()).isEqualTo("There is no topic no-such-topic on this broker.");
        assertThat(browser.driver().getPageSource()).doesNotContain("Exception");
    }
}
