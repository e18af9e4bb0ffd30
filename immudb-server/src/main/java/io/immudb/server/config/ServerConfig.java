package io.immudb.server.config;

import io.immudb.ops.ConfigKeys;
import io.immudb.server.consistency.ConsistencyCheckOptions;
import io.immudb.server.tls.ServerTls;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The server's settings, grouped by concern; each group is a validated record, and the flags of
 * {@link ServerCommand} ({@code ServerFlags}) hold every name, default and help text. Immutable and
 * thread-safe. A program or test gets one from the command line ({@link ServerCommand#parse}) or
 * from {@link #builder()}: the flags' defaults plus overrides by key.
 *
 * <pre>{@code
 * ServerConfig cfg =
 *     ServerConfig.builder().set("dir", dir).set("port", 0).set("synced", false).build();
 * }</pre>
 */
public final class ServerConfig {
  private final NetworkOptions network;
  private final StorageOptions storage;
  private final SecurityOptions security;
  private final TlsOptions tls;
  private final MetricsOptions metrics;
  private final WebOptions web;
  private final ProcessOptions process;
  private final LimitOptions limits;
  private final Optional<ConsistencyCheckOptions> consistencyCheck;
  private final Optional<ServerTls> serverTls;

  /**
   * Loads the TLS files and checks the settings that span groups: the metrics endpoint and the web
   * server need ports of their own, a detached start a fixed port, and HTTPS metrics the server's
   * certificate.
   *
   * @param consistencyCheck the background checker's settings; empty turns it off
   * @throws ConfigException naming the first invalid setting
   */
  public ServerConfig(
      NetworkOptions network,
      StorageOptions storage,
      SecurityOptions security,
      TlsOptions tls,
      MetricsOptions metrics,
      WebOptions web,
      ProcessOptions process,
      LimitOptions limits,
      Optional<ConsistencyCheckOptions> consistencyCheck) {
    this.network = Objects.requireNonNull(network, "network");
    this.storage = Objects.requireNonNull(storage, "storage");
    this.security = Objects.requireNonNull(security, "security");
    this.tls = Objects.requireNonNull(tls, "tls");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.web = Objects.requireNonNull(web, "web");
    this.process = Objects.requireNonNull(process, "process");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.consistencyCheck = Objects.requireNonNull(consistencyCheck, "consistencyCheck");
    this.serverTls = tls.load();
    int port = network.port();
    if (metrics.server() && metrics.port() != 0 && metrics.port() == port) {
      throw new ConfigException(
          "metrics-server-port", "metrics-server-port must differ from port, both are " + port);
    }
    if (web.server() && web.port() != 0) {
      if (web.port() == port) {
        throw new ConfigException(
            "web-server-port", "web-server-port must differ from port, both are " + port);
      }
      if (metrics.server() && web.port() == metrics.port()) {
        throw new ConfigException(
            "web-server-port",
            "web-server-port must differ from metrics-server-port, both are " + web.port());
      }
      if (network.legacyPort().isPresent() && web.port() == network.legacyPort().getAsInt()) {
        throw new ConfigException(
            "web-server-port",
            "web-server-port must differ from legacy-port, both are " + web.port());
      }
    }
    if (process.detached() && port == 0) {
      throw new ConfigException(
          "detached", "detached needs a fixed port to wait for; port 0 picks a random one");
    }
    if (metrics.tls() && serverTls.isEmpty()) {
      throw new ConfigException(
          "metrics-tls", "metrics-tls needs --certificate and --pkey (the server's own)");
    }
  }

  /**
   * A builder starting from every default of {@link ServerCommand}, except that the metrics server
   * and the web server are off: a program or test embedding the server opts in with {@code
   * set("metrics-server", true)} or {@code set("web-server", true)}, so that it never binds port
   * 9497 or 8080 by surprise. The environment is not read.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** The gRPC listener. */
  public NetworkOptions network() {
    return network;
  }

  /** The data directory and commit durability. */
  public StorageOptions storage() {
    return storage;
  }

  /** Authentication, tokens and state signing. */
  public SecurityOptions security() {
    return security;
  }

  /** The TLS flags as given; {@link #serverTls()} is what they load. */
  public TlsOptions tls() {
    return tls;
  }

  /**
   * The TLS identity loaded (and checked) from {@link #tls()}; empty when the server speaks
   * plaintext.
   */
  public Optional<ServerTls> serverTls() {
    return serverTls;
  }

  /** The metrics and health endpoint. */
  public MetricsOptions metrics() {
    return metrics;
  }

  /** The REST API's web server. */
  public WebOptions web() {
    return web;
  }

  /** Pid file, logging and background start. */
  public ProcessOptions process() {
    return process;
  }

  /** What one client may take of the server. */
  public LimitOptions limits() {
    return limits;
  }

  /** The background consistency checker's settings; empty when it is off. */
  public Optional<ConsistencyCheckOptions> consistencyCheck() {
    return consistencyCheck;
  }

  @Override
  public String toString() {
    return "ServerConfig{"
        + network
        + ", "
        + storage
        + ", "
        + security
        + ", "
        + tls
        + ", "
        + metrics
        + ", "
        + web
        + ", "
        + process
        + ", "
        + limits
        + ", consistencyCheck="
        + consistencyCheck
        + "}";
  }

  /**
   * Builder of {@link ServerConfig}: the defaults of {@link ServerCommand}'s flags, with overrides
   * set by configuration key and checked exactly as the command line checks them. Not thread-safe.
   */
  public static final class Builder {
    private final CommandLine command = ServerCommand.commandLine(Map.of());
    private final ConfigKeys keys = ConfigKeys.of(command.getCommandSpec());

    /** Flag name (e.g. {@code --port}) → value as command-line text. */
    private final Map<String, String> values = new LinkedHashMap<>();

    private Builder() {
      set("metrics-server", false);
      set("web-server", false);
    }

    /**
     * Sets the option with configuration key {@code key} (the flag's long name without dashes, in
     * any spelling the configuration file accepts: {@code port}, {@code max-recv-msg-size}, {@code
     * signingKey}) to {@code value}, which is converted from its text as on the command line
     * ({@code 0}, {@code false}, a {@link java.nio.file.Path}, {@code 24h} or a {@link
     * java.time.Duration}); {@code null} restores the default.
     *
     * @throws IllegalArgumentException if no option has that key
     */
    public Builder set(String key, Object value) {
      OptionSpec option =
          keys.find(key)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "unknown server option '"
                              + key
                              + "'; the keys are: "
                              + String.join(", ", keys.keys())));
      if (value == null) {
        values.remove(option.longestName());
      } else {
        values.put(option.longestName(), String.valueOf(value));
      }
      return this;
    }

    /**
     * Converts, validates and builds.
     *
     * @throws IllegalArgumentException if a value cannot be converted to its option's type
     * @throws ConfigException naming the first invalid setting
     */
    public ServerConfig build() {
      String[] args =
          values.entrySet().stream()
              .map(e -> e.getKey() + "=" + e.getValue())
              .toArray(String[]::new);
      try {
        command.parseArgs(args);
      } catch (CommandLine.ParameterException e) {
        throw new IllegalArgumentException(e.getMessage(), e);
      }
      return ((ServerCommand) command.getCommand()).toConfig();
    }
  }
}
