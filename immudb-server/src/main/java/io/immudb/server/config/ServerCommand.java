package io.immudb.server.config;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code immudb} server's command-line options. Every flag may also be set through the
 * environment variable {@code IMMUDB_<FLAG>} (upper case, {@code -} becomes {@code _}, e.g. {@code
 * IMMUDB_MAX_RECV_MSG_SIZE}); the command line wins over the environment. Not thread-safe: parse
 * once, then use the resulting {@link ServerConfig}.
 *
 * <pre>{@code
 * CommandLine cl = ServerCommand.commandLine(System.getenv());
 * cl.parseArgs(args);
 * ServerConfig cfg = ((ServerCommand) cl.getCommand()).toConfig();
 * }</pre>
 */
@Command(
    name = "immudb",
    mixinStandardHelpOptions = true,
    version = "immudb 1.1.0 (Java)",
    description = "The immudb server: an immutable database with cryptographic proofs.",
    footer = "Every flag can also be set with the environment variable IMMUDB_<FLAG>.")
public final class ServerCommand {
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
      names = "--token-expiry",
      defaultValue = "24h",
      converter = DurationConverter.class,
      description = "lifetime of a login token, e.g. 24h, 90m (default: ${DEFAULT-VALUE})")
  Duration tokenExpiry;

  // ---- consistency checker (docs/ops/consistency-checker.md)
  @Option(
      names = "--consistency-check",
      arity = "0..1",
      fallbackValue = "true",
      defaultValue = "true",
      description =
          "enable consistency check monitor routine. To disable: --consistency-check=false"
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

  // ---- end of consistency checker

  /**
   * A picocli command line over a fresh {@code ServerCommand}, reading defaults from {@code env}.
   */
  public static CommandLine commandLine(Map<String, String> env) {
    CommandLine cl = new CommandLine(new ServerCommand());
    cl.setDefaultValueProvider(new EnvironmentDefaults(env));
    return cl;
  }

  /**
   * Parses {@code args} with {@code env} as the fallback and validates the result.
   *
   * @throws CommandLine.ParameterException on an unknown flag or unparsable value
   * @throws ConfigException on a value that fails validation
   */
  public static ServerConfig parse(String[] args, Map<String, String> env) {
    CommandLine cl = commandLine(env);
    cl.parseArgs(args);
    return ((ServerCommand) cl.getCommand()).toConfig();
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
        .consistencyCheck(consistencyCheck)
        .consistencyCheckInterval(consistencyCheckInterval)
        .consistencyCheckTxs(consistencyCheckTxs)
        .consistencyCheckSamples(consistencyCheckSamples)
        .build();
  }
}
