package io.immudb.testkit.server;

import io.immudb.server.ImmudbServer;
import io.immudb.server.config.ServerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real {@link ImmudbServer} on {@code 127.0.0.1}, port 0 (an ephemeral port), over a fresh
 * temporary data directory, for integration tests. Registered with {@code @RegisterExtension}: in
 * an instance field each test gets its own server and directory; in a static field the test class
 * shares one. The server is closed and the directory deleted afterwards.
 *
 * <pre>{@code
 * @RegisterExtension
 * final ImmudbServerExtension immudb = ImmudbServerExtension.builder().build();
 *
 * @Test
 * void works() {
 *   ImmuClient c = ImmuClient.builder().address("127.0.0.1").port(immudb.port()).build();
 * }
 * }</pre>
 *
 * <p>The configuration is immudb's defaults with {@code synced(false)} (tests need no fsync), then
 * the builder's tweaks. A test whose configuration is only known inside the test (a key or
 * certificate it generates) uses {@link Builder#manualStart} and calls {@link #start(Consumer)}
 * itself; {@link #stop} and a new {@code start} restart the server over the same directory.
 *
 * <p>Not thread-safe: one test class, on the thread JUnit runs it on.
 */
public final class ImmudbServerExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
  /** The address the server listens on. */
  public static final String ADDRESS = "127.0.0.1";

  private final Consumer<ServerConfig.Builder> tweaks;
  private final boolean manualStart;
  private boolean perClass;
  private Path dir;
  private ImmudbServer server;

  private ImmudbServerExtension(Builder b) {
    this.tweaks = b.tweaks;
    this.manualStart = b.manualStart;
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    perClass = true;
    setUp();
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    tearDown();
  }

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    if (!perClass) {
      setUp();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    if (!perClass) {
      tearDown();
    }
  }

  private void setUp() throws IOException {
    dir = Files.createTempDirectory("immudb-it-");
    if (!manualStart) {
      start();
    }
  }

  private void tearDown() throws IOException {
    try {
      stop();
    } finally {
      Path d = dir;
      dir = null;
      if (d != null) {
        deleteTree(d);
      }
    }
  }

  /** Starts the server with the configured tweaks. Requires that it is not running. */
  public ImmudbServer start() throws IOException {
    return start(b -> {});
  }

  /**
   * Starts the server with the configured tweaks, then {@code more}. Requires that it is not
   * running.
   */
  public ImmudbServer start(Consumer<ServerConfig.Builder> more) throws IOException {
    return start(more, null);
  }

  /**
   * Starts the server with the configured tweaks, then {@code more}; its metrics endpoint, if
   * configured on, serves HTTPS with {@code metricsTls} ({@link ImmudbServer#start(ServerConfig,
   * SSLContext)}). Requires that it is not running.
   */
  public ImmudbServer start(Consumer<ServerConfig.Builder> more, SSLContext metricsTls)
      throws IOException {
    if (dir == null) {
      throw new IllegalStateException("the extension is not set up: register it on a field");
    }
    if (server != null) {
      throw new IllegalStateException("the server is running; stop() it first");
    }
    ServerConfig.Builder b =
        ServerConfig.builder()
            .set("dir", dir)
            .set("address", ADDRESS)
            .set("port", 0)
            .set("synced", false);
    tweaks.accept(b);
    more.accept(b);
    ServerConfig cfg = b.build();
    server = metricsTls == null ? ImmudbServer.start(cfg) : ImmudbServer.start(cfg, metricsTls);
    return server;
  }

  /** Closes the server if it runs, keeping its data directory. Idempotent. */
  public void stop() throws IOException {
    ImmudbServer s = server;
    server = null;
    if (s != null) {
      s.close();
    }
  }

  /** The running server. */
  public ImmudbServer server() {
    if (server == null) {
      throw new IllegalStateException("the server is not running");
    }
    return server;
  }

  /** The port the running server listens on. */
  public int port() {
    return server().port();
  }

  /** The server's data directory; it outlives {@link #stop} until the test (or class) ends. */
  public Path dir() {
    if (dir == null) {
      throw new IllegalStateException("the extension is not set up: register it on a field");
    }
    return dir;
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** Builder of {@link ImmudbServerExtension}. Not thread-safe. */
  public static final class Builder {
    private Consumer<ServerConfig.Builder> tweaks = b -> {};
    private boolean manualStart;

    private Builder() {}

    /** Whether the server fsyncs its commits (default: false). */
    public Builder synced(boolean v) {
      return configure(b -> b.set("synced", v));
    }

    /**
     * Applies {@code tweak} to the configuration, after the defaults and the earlier tweaks, each
     * time the server starts.
     */
    public Builder configure(Consumer<ServerConfig.Builder> tweak) {
      Objects.requireNonNull(tweak, "tweak");
      tweaks = tweaks.andThen(tweak);
      return this;
    }

    /** Leaves starting the server to the test ({@link #start(Consumer)}); default: started. */
    public Builder manualStart() {
      manualStart = true;
      return this;
    }

    public ImmudbServerExtension build() {
      return new ImmudbServerExtension(this);
    }
  }
}
