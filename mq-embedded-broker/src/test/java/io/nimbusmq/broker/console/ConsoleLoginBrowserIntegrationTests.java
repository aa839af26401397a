package io.nimbusmq.broker.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.nimbusmq.broker.auth.plain.AclConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * The login in a real headless Chromium, with ACL 1.0 on: the page opens its data calls before it knows the session
 * (prefetch.js), so a browser without a session must get the login form (not an error), and one with a session the
 * page at once.
 */
class ConsoleLoginBrowserIntegrationTests {

    @RegisterExtension
    static final ConsoleBroker broker = new ConsoleBroker(builder -> builder.acl(new AclConfig(true, aclFile(), 100)));

    private static ConsoleBrowser browser;

    private static Path aclFile() {
        try {
            Path file = Files.createTempDirectory("nimbus-console-login-").resolve("plain_acl.yml");
            Files.writeString(file, """
                    accounts:
                      - accessKey: console-admin
                        secretKey: admin-secret-1
                        admin: true
                    """);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = new ConsoleBrowser();
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aPageOpenedWithoutASessionAsksForALoginThenShowsItselfAndKeepsTheSession() {
        String topic = broker.createTopic("login-topic", 2);
        browser.open(broker.consoleUrl() + "#/topics/" + topic);

        browser.type(By.id("login-access-key"), "console-admin");
        assertThat(browser.driver().findElement(By.id("banner")).isDisplayed()).isFalse();
        browser.type(By.id("login-secret-key"), "admin-secret-1");
        browser.await(By.id("login-submit")).click();

        browser.awaitText(By.id("topic-title"), topic);
        browser.awaitText(By.id("user"), "Signed in as console-admin");

        browser.open("about:blank");
        browser.open(broker.consoleUrl() + "#/topics");
        browser.await(By.cssSelector("[data-testid=topics-table]"));
        assertThat(browser.driver().findElements(By.id("login-access-key"))).isEmpty();

        browser.await(By.id("logout")).click();
        browser.await(By.id("login-access-key"));
        browser.open("about:blank");
        browser.open(broker.consoleUrl() + "#/groups");
        browser.await(By.id("login-access-key"));
        assertThat(browser.driver().findElements(By.cssSelector("[data-testid=groups-table]"))).isEmpty();
    }
}
