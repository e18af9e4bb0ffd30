package io.immudb.server.console;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through its chromedriver (Selenium, no browser download: both
 * binaries are given by path, so Selenium Manager never runs). Missing binaries fail the test,
 * loudly: CI installs them (.ci/run). One browser per instance; {@link #close()} quits it.
 */
final class ConsoleBrowser implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Duration WAIT = Duration.ofSeconds(20);

  private final ChromeDriver driver;
  private final Path shots;

  ConsoleBrowser(Path profile, Path shots) throws IOException {
    for (Path p : List.of(CHROMIUM, CHROMEDRIVER)) {
      if (!Files.isExecutable(p)) {
        throw new IllegalStateException(
            p
                + " is missing: install Debian's chromium and chromium-driver"
                + " (apt-get install chromium chromium-driver), as .ci/run does");
      }
    }
    this.shots = Files.createDirectories(shots);
    ChromeOptions o = new ChromeOptions();
    o.setBinary(CHROMIUM.toFile());
    o.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--user-data-dir=" + profile.toAbsolutePath(),
        "--window-size=1280,800");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, o);
    driver.manage().timeouts().scriptTimeout(WAIT);
    size(1280, 800);
  }

  ChromeDriver driver() {
    return driver;
  }

  void open(String url) {
    driver.get(url);
  }

  /** Sets the viewport (not the window) to width × height CSS pixels. */
  void size(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
    Object inner = driver.executeScript("return [window.innerWidth, window.innerHeight];");
    @SuppressWarnings("unchecked")
    List<Number> wh = (List<Number>) inner;
    driver
        .manage()
        .window()
        .setSize(
            new Dimension(2 * width - wh.get(0).intValue(), 2 * height - wh.get(1).intValue()));
  }

  WebElement find(String css) {
    return until(
        () -> {
          List<WebElement> es = driver.findElements(By.cssSelector(css));
          return es.isEmpty() || !es.get(0).isDisplayed() ? null : es.get(0);
        },
        "an element " + css);
  }

  /** Polls {@code f} until it returns non-null (every 50 ms, up to 20 s). */
  <T> T until(Supplier<T> f, String what) {
    long end = System.nanoTime() + WAIT.toNanos();
    WebDriverException last = null;
    while (System.nanoTime() < end) {
      try {
        T t = f.get();
        if (t != null) {
          return t;
        }
      } catch (WebDriverException e) {
        last = e;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError(
        "timed out waiting for " + what + "; page text:\n" + text("body"), last);
  }

  String text(String css) {
    List<WebElement> es = driver.findElements(By.cssSelector(css));
    return es.isEmpty() ? "" : es.get(0).getText();
  }

  /** The text of the first element matching {@code css}, shown or not (closed details). */
  String content(String css) {
    List<WebElement> es = driver.findElements(By.cssSelector(css));
    return es.isEmpty() ? "" : es.get(0).getAttribute("textContent");
  }

  Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /** Writes a PNG of the viewport to {@code <shots>/<name>.png}; returns its path. */
  Path screenshot(String name) throws IOException {
    Path p = shots.resolve(name + ".png");
    Files.write(p, driver.getScreenshotAs(OutputType.BYTES));
    return p;
  }

  @Override
  public void close() {
    driver.quit();
  }
}
