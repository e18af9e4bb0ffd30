package io.immudb.server.config;

import io.immudb.ops.BuildVersionProvider;
import io.immudb.ops.ConfigKeys;
import io.immudb.ops.ConfigProfile;
import io.immudb.ops.DurationConverter;
import io.immudb.ops.LayeredDefaults;
import io.immudb.ops.ToolConfig;
import io.immudb.ops.VersionCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code immudb} server's command-line options. Every flag may also be set through the
 * environment variable {@code IMMUDB_<FLAG>} (upper case, {@code -} becomes {@code _}, e.g. {@code
 * IMMUDB_MAX_RECV_MSG_SIZE}) or the key {@code <flag>} of the configuration file ({@link #PROFILE},
 * {@code --config}); a flag wins over the environment, which wins over the file. Every option added
 * here is at once a variable and a file key ({@link ToolConfig}); add it to {@code
 * configs/immudb.toml} too (a test checks). Not thread-safe: parse once, then use the resulting
 * {@link ServerConfig}.
 *
 * <pre>{@code
 * ServerConfig cfg = ServerCommand.parse(args, System.getenv(), ServerCommand.PROFILE, log::warn);
 * }</pre>
 */
@Command(
    name = "immudb",
    mixinStandardHelpOptions = true,
    versionProvider = BuildVersionProvider.class,
    subcommands = {VersionCommand.class, CommandLine.HelpCommand.class},
    description = "The immudb server: an immutable database with cryptographic proofs.",
    footer = {
      "",
      "Every flag can also be set with the environment variable IMMUDB_<FLAG> (e.g.",
      "IMMUDB_MAX_RECV_MSG_SIZE) or the key <flag> in the config file (e.g. max-recv-msg-size = 4096);",
      "flags win over the environment, which wins over the file. Without --config the file is",
      "./configs/immudb.toml or else /etc/immudb/immudb.toml, whichever exists first."
    })
public final class ServerCommand {
  /**
   * Where the server looks for its configuration: {@code IMMUDB_*} variables; {@code
   * ./configs/immudb.toml}, then {@code /etc/immudb/immudb.toml}. Keys of immudb's own {@code
   * immudb.toml} that this server has no option for are accepted with a warning.
   */
  public static final ConfigProfile PROFILE =
      new ConfigProfile(
          "immudb",
          "IMMUDB_",
          List.of(Path.of("configs", "immudb.toml"), Path.of("/etc/immudb/immudb.toml")),
          Set.of(
              // immudb v0.8/v1.1 settings without an equivalent here.
              "network",
              "dbname",
              "token-expiry-time",
              "web-server",
              "web-server-port",
              "pgsql-server",
              "pgsql-server-port"));

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "config file (default: ./configs/immudb.toml or /etc/immudb/immudb.toml, if one exists)")
  Path config;

  @Option(
      names = "--dir",
      defaultValue = "./data",
      description = "data directory (default: ${DEFAULT-VALUE})")
  Path dir;

  @Option(
      names = "--address",
      defaultValue = "0.0.0.0",
      description = "bind address (default: ${DEFAULT-VALUE})")
  String address;

  @Option(
      names = "--port",
      defaultValue = "3322",
      description = "port number (default: ${DEFAULT-VALUE})")
  int port;

  @Option(
      names = "--auth",
      arity = "0..1",
      fallbackValue = "true",
      defaultValue = "true",
      description = "enable authentication (default: ${DEFAULT-VALUE})")
  boolean auth;

  @Option(
      names = "--admin-password",
      defaultValue = "immudb",
      description =
          "password of the immudb user when it is first created (default: ${DEFAULT-VALUE})")
  String adminPassword;

  @Option(
      names = "--max-recv-msg-size",
      defaultValue = "33554432",
      description = "largest inbound message in bytes (default: ${DEFAULT-VALUE})")
  int maxRecvMsgSize;

  @Option(
      names = "--synced",
      arity = "0..1",
      fallbackValue = "true",
      defaultValue = "true",
      description = "commit returns only once on disk (default: ${DEFAULT-VALUE})")
  boolean synced;

  @Option(
      names = "--maintenance",
      arity = "0..1",
      fallbackValue = "true",
      defaultValue = "false",
      description = "maintenance mode: writes are refused (default: ${DEFAULT-VALUE})")
  boolean maintenance;

  @Option(
      names = "--devmode",
      arity = "0..1",
      fallbackValue = "true",
      defaultValue = "false",
      description = "development mode (default: ${DEFAULT-VALUE})")
  boolean devMode;

  @Option(
      names = "--signingKey",
      description = "path of a PEM EC private key used to sign states (default: unset)")
  Path signingKey;

  @Option(
      names = "--certificate",
      description =
          "PEM certificate chain of the server, leaf first; with --pkey, serves TLS (default:"
              + " unset, plaintext)")
  Path certificate;

  @Option(
      names = "--pkey",
      description =
          "PEM private key of --certificate: PKCS#8 or traditional RSA/EC, unencrypted (default:"
              + " unset)")
  Path pkey;

  @Option(
      names = "--clientcas",
      description = "PEM bundle of the CAs that sign client certificates; used with --mtls")
  Path clientCas;

  @Option(
      names = {"-m", "--mtls"},
      arity = "0..1",
      fallbackValue = "true",
      defaultValue = "false",
      description =
          "mutual TLS: require a client certificate signed by --clientcas (default:"
              + " ${DEFAULT-VALUE})")
  boolean mtls;

  @Option(
      names = "--token-expiry",
      defaultValue = "24h",
      converter = DurationConverter.class,
      description = "lifetime of a login token, e.g. 24h, 90m (default: ${DEFAULT-VALUE})")
  Duration tokenExpiry;

  @Option(
      names = "--metrics-server",
      arity = "0..1",
      fallbackValue = "true",
      defaultValue = "true",
      description =
          "serve Prometheus metrics and health checks over HTTP on the --address (default:"
              + " ${DEFAULT-VALUE})")
  boolean metricsServer;

  @Option(
      names = "--metrics-server-port",
      defaultValue = "9497",
      description = "port of the metrics server (default: ${DEFAULT-VALUE})")
  int metricsServerPort;

  @Option(
      names = "--no-histograms",
      arity = "0..1",
      fallbackValue = "true",
      defaultValue = "false",
      description =
          "disable collection of histogram metrics like query durations (default: ${DEFAULT-VALUE})")
  boolean noHistograms;

  @Option(
      names = "--metrics-tls",
      arity = "0..1",
      fallbackValue = "true",
      defaultValue = "false",
      description =
          "serve the metrics endpoint over HTTPS with --certificate/--pkey (no client certificate"
              + " asked) (default: ${DEFAULT-VALUE})")
  boolean metricsTls;

  // ---- consistency checker (docs/ops/consistency-checker.md)
  @Option(
      names = "--consistency-check",
      arity = "0..1",
      fallbackValue = "true",
      defaultValue = "true",
      description =
          "re-verify stored data in the background; a mismatch turns the database read-only"
              + " (default: ${DEFAULT-VALUE})")
  boolean consistencyCheck;

  @Option(
      names = "--consistency-check-interval",
      defaultValue = "5s",
      converter = DurationConverter.class,
      description = "pause between two rounds of the consistency check (default: ${DEFAULT-VALUE})")
  Duration consistencyCheckInterval;

  @Option(
      names = "--consistency-check-txs",
      defaultValue = "2000",
      description =
          "most newly committed txs re-verified per database per round (default: ${DEFAULT-VALUE})")
  int consistencyCheckTxs;

  @Option(
      names = "--consistency-check-samples",
      defaultValue = "16",
      description =
          "older txs re-verified at random per database per round (default: ${DEFAULT-VALUE})")
  int consistencyCheckSamples;

  // Process management and logging (docs/ops/process.md).
  @Option(
      names = "--pidfile",
      description =
          "write the server's process id to this file while it runs, e.g. /var/run/immudb.pid"
              + " (default: none)")
  Path pidfile;

  @Option(
      names = "--logfile",
      description =
          "append the log to this file instead of standard error, e.g. /var/log/immudb/immudb.log"
              + " (default: none)")
  Path logfile;

  @Option(
      names = "--logformat",
      defaultValue = "text",
      description = "log line format: text or json (default: ${DEFAULT-VALUE})")
  String logFormat;

  @Option(
      names = "--log-level",
      defaultValue = "info",
      description =
          "lowest level logged: error|warn|info|debug|trace; also read from LOG_LEVEL"
              + " (default: ${DEFAULT-VALUE})")
  String logLevel;

  @Option(
      names = {"-d", "--detached"},
      arity = "0..1",
      fallbackValue = "true",
      defaultValue = "false",
      description =
          "run the server in the background; returns once it accepts connections"
              + " (default: ${DEFAULT-VALUE})")
  boolean detached;

  /** The version line of {@code --version}, also reported by the metrics server's /version. */
  public static String version() {
    io.immudb.ops.BuildInfo b = io.immudb.ops.BuildInfo.current();
    return "immudb " + b.version() + " (commit " + b.commit() + ", built " + b.buildTime() + ")";
  }

  /** A picocli command line over a fresh {@code ServerCommand}, without defaults providers. */
  public static CommandLine commandLine() {
    return new CommandLine(new ServerCommand());
  }

  /**
   * A picocli command line over a fresh {@code ServerCommand}, reading defaults from {@code env}
   * (no configuration file).
   */
  public static CommandLine commandLine(Map<String, String> env) {
    CommandLine cl = commandLine();
    cl.setDefaultValueProvider(
        new LayeredDefaults(
            PROFILE.envPrefix(),
            environment(env),
            ConfigKeys.of(cl.getCommandSpec()),
            Optional.empty()));
    return cl;
  }

  /**
   * The environment as the server reads it: {@code LOG_LEVEL}, which immudb honours, stands in for
   * an unset {@code IMMUDB_LOG_LEVEL}.
   */
  public static Map<String, String> environment(Map<String, String> env) {
    if (env.containsKey("IMMUDB_LOG_LEVEL") || !env.containsKey("LOG_LEVEL")) {
      return env;
    }
    Map<String, String> m = new java.util.HashMap<>(env);
    m.put("IMMUDB_LOG_LEVEL", env.get("LOG_LEVEL"));
    return Map.copyOf(m);
  }

  /**
   * Parses {@code args} with {@code env} as the fallback (no configuration file) and validates the
   * result.
   *
   * @throws CommandLine.ParameterException on an unknown flag or unparsable value
   * @throws ConfigException on a value that fails validation
   */
  public static ServerConfig parse(String[] args, Map<String, String> env) {
    CommandLine cl = commandLine(env);
    cl.parseArgs(args);
    return ((ServerCommand) cl.getCommand()).toConfig();
  }

  /**
   * Parses {@code args} with {@code env} and the configuration file {@code profile} finds as the
   * fallbacks, and validates the result.
   *
   * @param warnings receives one line per ignored key of the file
   * @throws io.immudb.ops.ConfigFileException if the configuration file cannot be used
   * @throws CommandLine.ParameterException on an unknown flag or unparsable value
   * @throws ConfigException on a value that fails validation; the message names the variable or
   *     file key it came from, if it did not come from a flag
   */
  public static ServerConfig parse(
      String[] args, Map<String, String> env, ConfigProfile profile, Consumer<String> warnings) {
    CommandLine cl = commandLine();
    ToolConfig config = ToolConfig.install(cl, profile, args, env, warnings);
    config
        .error()
        .ifPresent(
            e -> {
              throw e;
            });
    cl.parseArgs(args);
    return toConfig(cl, config);
  }

  /**
   * The validated configuration of {@code cl}'s parsed {@code ServerCommand}.
   *
   * @throws ConfigException on a value that fails validation; the message names the variable or
   *     file key the value came from, if it did not come from a flag
   */
  public static ServerConfig toConfig(CommandLine cl, ToolConfig config) {
    try {
      return ((ServerCommand) cl.getCommand()).toConfig();
    } catch (ConfigException e) {
      boolean flag = cl.getParseResult().hasMatchedOption("--" + e.setting());
      Optional<String> source = flag ? Optional.empty() : config.sourceOf(e.setting());
      if (source.isEmpty()) {
        throw e;
      }
      throw new ConfigException(e.setting(), source.get() + ": " + e.getMessage());
    }
  }

  /** The {@code --help} text, with defaults as they would be taken from {@code env}. */
  public static String usage(Map<String, String> env) {
    StringWriter out = new StringWriter();
    commandLine(env).usage(new PrintWriter(out, true));
    return out.toString();
  }

  /**
   * The validated configuration these options describe.
   *
   * @throws ConfigException on a value that fails validation
   */
  public ServerConfig toConfig() {
    return ServerConfig.builder()
        .dir(dir)
        .address(address)
        .port(port)
        .auth(auth)
        .adminPassword(adminPassword)
        .maxRecvMsgSize(maxRecvMsgSize)
        .synced(synced)
        .maintenance(maintenance)
        .devMode(devMode)
        .signingKey(signingKey)
        .tokenExpiry(tokenExpiry)
        .metricsServer(metricsServer)
        .metricsServerPort(metricsServerPort)
        .noHistograms(noHistograms)
        .metricsTls(metricsTls)
        .certificate(unlessEmpty(certificate))
        .pkey(unlessEmpty(pkey))
        .clientCas(unlessEmpty(clientCas))
        .mtls(mtls)
        .pidfile(pidfile)
        .logfile(logfile)
        .logFormat(LogFormat.parse(logFormat))
        .logLevel(LogLevel.parse(logLevel))
        .detached(detached)
        .consistencyCheck(consistencyCheck)
        .consistencyCheckInterval(consistencyCheckInterval)
        .consistencyCheckTxs(consistencyCheckTxs)
        .consistencyCheckSamples(consistencyCheckSamples)
        .build();
  }

  /** An empty path (e.g. {@code IMMUDB_CLIENTCAS=}) means the flag is unset. */
  private static Path unlessEmpty(Path p) {
    return p == null || p.toString().isEmpty() ? null : p;
  }
}
