package io.immudb.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.immudb.server.ImmudbServer;
import io.immudb.server.config.ServerConfig;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The web console in a real browser (Debian's headless Chromium) against a real server: log in,
 * write and read a key and see both verified by the page's own proof checks, look at the tx
 * explorer, SQL and admin pages (at 1280×800 and at phone width), then stop the server, forge the
 * value on disk as an attacker would ({@link ValueTamper}), restart over the same data and see the
 * page refuse the forged value with the evidence. Screenshots of every page go to {@code
 * target/console-screenshots/}.
 */
@Timeout(120)
class ConsoleBrowserIT {
  private static final Path SHOTS = Path.of("target", "console-screenshots");
  @TempDir Path tmp;
  private ImmudbServer server;
  private ConsoleBrowser browser;

  private ImmudbServer start(Path data, int webPort) throws Exception {
    return ImmudbServer.start(
        ServerConfig.builder()
            .set("dir", data)
            .set("address", "127.0.0.1")
            .set("port", 0)
            .set("synced", false)
            .set("consistency-check", false)
            .set("web-server", true)
            .set("web-server-port", webPort)
            .build());
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @AfterEach
  void stop() throws Exception {
    if (browser != null) {
      browser.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private void logIn() {
    browser.find("#login input[name=user]").clear();
    browser.find("#login input[name=user]").sendKeys("immudb");
    browser.find("#login input[name=password]").sendKeys("immudb");
    // Keyboard only: Enter in the password field submits the form.
    browser.find("#login input[name=password]").sendKeys(Keys.ENTER);
    browser.find("#nav a[href='#kv']");
  }

  private void type(String form, String name, String value) {
    WebElement in = browser.find("#" + form + " [name=" + name + "]");
    in.clear();
    in.sendKeys(value);
  }

  /** Submits a form and waits for its verification badge; returns data-verified. */
  private String submitVerified(String form) {
    browser.js("document.querySelector('#" + form + " .result').replaceChildren()");
    browser.find("#" + form + " button[type=submit]").click();
    return browser.find("#" + form + " .badge").getAttribute("data-verified");
  }

  @Test
  void writesAndReadsVerifiedInTheBrowserAndShowsATamperedValueAsFailed() throws Exception {
    Path data = tmp.resolve("data");
    int webPort = freePort();
    server = start(data, webPort);
    String base = "http://127.0.0.1:" + webPort;
    browser = new ConsoleBrowser(tmp.resolve("profile"), SHOTS);

    browser.open(base + "/");
    browser.screenshot("01-login");
    logIn();

    type("set", "key", "hello");
    type("set", "value", "world");
    assertThat(submitVerified("set")).isEqualTo("true");
    long writeTx = Long.parseLong(browser.find("#trusted-tx").getText());
    assertThat(browser.content("#set .evidence")).contains("dual proof", "holds the value written");

    type("get", "key", "hello");
    assertThat(submitVerified("get")).isEqualTo("true");
    assertThat(browser.text("#get .entries")).contains("world");
    browser.screenshot("02-keys-verified");

    type("set", "key", "other");
    type("set", "value", "later");
    assertThat(submitVerified("set")).isEqualTo("true");
    type("get", "key", "hello");
    type("get", "atTx", Long.toString(writeTx));
    assertThat(submitVerified("get")).isEqualTo("true"); // an older tx: proof towards the state
    browser.find("#history [name=key]").sendKeys("hello", Keys.ENTER);
    assertThat(browser.find("#history table").getText()).contains("world");
    browser.find("#scan button[type=submit]").click();
    assertThat(browser.find("#scan table").getText()).contains("hello", "other");

    browser.find("#nav a[href='#tx']").click();
    type("tx", "tx", Long.toString(writeTx));
    assertThat(submitVerified("tx")).isEqualTo("true");
    assertThat(browser.find("#tx .tree").getText()).contains("eH");
    assertThat(browser.find("#tx .chain").getText()).contains("prevAlh = Alh of tx");
    browser.screenshot("03-tx-explorer");

    browser.find("#nav a[href='#sql']").click();
    type(
        "sql",
        "sql",
        "CREATE TABLE people (id INTEGER AUTO_INCREMENT, name VARCHAR, PRIMARY KEY id)");
    browser.find("#sql button[type=submit]").click();
    browser.until(() -> browser.text("#sql .result").startsWith("Done") ? true : null, "DDL");
    type("sql", "sql", "INSERT INTO people (name) VALUES ('Joe')");
    browser.find("#sql button[type=submit]").click();
    browser.until(() -> browser.text("#sql .result").contains("1 rows") ? true : null, "insert");
    type("sql", "sql", "SELECT id, name FROM people");
    browser.find("#sql button[type=submit]").click();
    assertThat(browser.find("#sql table").getText()).contains("Joe");
    browser.find("#tables button").click();
    assertThat(browser.find("#tables table").getText()).contains("people");
    browser.screenshot("04-sql");

    browser.find("#nav a[href='#admin']").click();
    assertThat(browser.find(".users").getText()).contains("immudb");
    assertThat(browser.find(".databases").getText()).contains("defaultdb");
    browser.screenshot("05-admin");

    browser.size(390, 844);
    browser.find("#nav a[href='#kv']").click();
    browser.find("#get");
    assertThat(((Number) browser.js("return document.documentElement.scrollWidth")).intValue())
        .as("no horizontal scrolling at phone width")
        .isLessThanOrEqualTo(390);
    browser.screenshot("06-phone");
    browser.size(1280, 800);

    server.close();
    server = null;
    ValueTamper.rewriteValue(
        data.resolve("defaultdb"),
        writeTx,
        "hello".getBytes(StandardCharsets.UTF_8),
        "w0rld".getBytes(StandardCharsets.UTF_8));
    server = start(data, webPort);

    browser.driver().navigate().refresh();
    // The restarted server does not know the old token: the page asks to log in again.
    assertThat(browser.find("#login").getText()).contains("session ended");
    logIn();
    type("get", "key", "hello");
    type("get", "atTx", "");
    assertThat(submitVerified("get")).isEqualTo("false");
    assertThat(browser.text("#get .entries")).contains("w0rld"); // the server served the forgery
    String evidence = browser.content("#get .evidence");
    assertThat(evidence).contains("inclusion proof against eH", "expected", "computed");
    assertThat(browser.text("#get")).contains("do not trust this value");
    browser.js("window.scrollTo(0, 0)");
    browser.screenshot("07-tampered-value-failed");
  }
}
