package io.immudb.server.config;

import io.immudb.ops.DurationConverter;
import io.immudb.server.consistency.ConsistencyCheckOptions;
import io.immudb.server.grpc.StreamRpcs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import picocli.CommandLine.Option;

/**
 * The server's settings, each declared once: flag name, default and help text here; type,
 * documentation and validation in the record of its concern ({@link NetworkOptions}, {@link
 * StorageOptions}, {@link SecurityOptions}, {@link TlsOptions}, {@link MetricsOptions}, {@link
 * WebOptions}, {@link ProcessOptions}, {@link ConsistencyCheckOptions}). {@link
 * io.immudb.ops.ToolConfig} makes every option here also an {@code IMMUDB_*} variable and a
 * configuration file key; the sample {@code configs/immudb.toml} and the table of {@code
 * docs/operations.md} list them (tests check both). Mixed into {@link ServerCommand}. Not
 * thread-safe: picocli fills it, then {@link #toConfig()} reads it.
 */
final class ServerFlags {
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
      names = "--legacy-port",
      description =
          "also serve the immudb v0.8 API (immudb4j 0.1.8) on this port, plaintext, e.g. 3323;"
              + " 0 picks a free port (default: off)")
  Integer legacyPort;

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
      defaultValue = "" + StreamRpcs.DEFAULT_MAX_RECV_MSG_SIZE,
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
      names = "--max-concurrent-logins",
      defaultValue = "2",
      description =
          "password checks (bcrypt) running at once; more logins wait up to 2 s, then are refused"
              + " (default: ${DEFAULT-VALUE})")
  int maxConcurrentLogins;

  @Option(
      names = "--max-failed-logins",
      defaultValue = "10",
      description =
          "failed logins per client address per minute before its logins are refused for the"
              + " rest of the minute; 0: no limit (default: ${DEFAULT-VALUE})")
  int maxFailedLogins;

  @Option(
      names = "--max-metadata-size",
      defaultValue = "8192",
      description = "largest request header block of a call, in bytes (default: ${DEFAULT-VALUE})")
  int maxMetadataSize;

  @Option(
      names = "--max-calls-per-connection",
      defaultValue = "1000",
      description = "calls open at once on one connection (default: ${DEFAULT-VALUE})")
  int maxCallsPerConnection;

  @Option(
      names = "--max-connection-idle",
      defaultValue = "30m",
      converter = DurationConverter.class,
      description =
          "close a connection after this long without an open call; 0s: never (default:"
              + " ${DEFAULT-VALUE})")
  Duration maxConnectionIdle;

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
      names = "--web-server",
      arity = "0..1",
      fallbackValue = "true",
      defaultValue = "true",
      description =
          "serve the REST API (/api/, docs at /api/docs/) over HTTP on the --address; HTTPS with"
              + " --certificate/--pkey (default: ${DEFAULT-VALUE})")
  boolean webServer;

  @Option(
      names = "--web-server-port",
      defaultValue = "8080",
      description = "port of the web server; 0 picks a free port (default: ${DEFAULT-VALUE})")
  int webServerPort;

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

  /**
   * The validated configuration these options describe.
   *
   * @throws ConfigException naming the first setting that fails validation
   */
  ServerConfig toConfig() {
    return new ServerConfig(
        new NetworkOptions(
            address,
            port,
            maxRecvMsgSize,
            legacyPort == null ? OptionalInt.empty() : OptionalInt.of(legacyPort)),
        new StorageOptions(dir, synced, maintenance),
        new SecurityOptions(
            auth, adminPassword, tokenExpiry, devMode, Optional.ofNullable(signingKey)),
        new TlsOptions(unlessEmpty(certificate), unlessEmpty(pkey), unlessEmpty(clientCas), mtls),
        new MetricsOptions(metricsServer, metricsServerPort, noHistograms, metricsTls),
        new WebOptions(webServer, webServerPort),
        new ProcessOptions(
            Optional.ofNullable(pidfile),
            Optional.ofNullable(logfile),
            LogFormat.parse(logFormat),
            LogLevel.parse(logLevel),
            detached),
        new LimitOptions(
            maxConcurrentLogins,
            maxFailedLogins,
            maxMetadataSize,
            maxCallsPerConnection,
            maxConnectionIdle),
        consistencyCheck());
  }

  /** Checked even when the checker is off, so a bad value never waits to be switched on. */
  private Optional<ConsistencyCheckOptions> consistencyCheck() {
    ConsistencyCheckOptions options;
    try {
      options =
          new ConsistencyCheckOptions(
              consistencyCheckInterval,
              consistencyCheckTxs,
              consistencyCheckSamples,
              ConsistencyCheckOptions.DEFAULT_BYTES_PER_ROUND);
    } catch (IllegalArgumentException e) {
      // Its messages start with the flag at fault, e.g. "consistency-check-txs must be > 0, ...".
      throw new ConfigException(e.getMessage().split(" ", 2)[0], e.getMessage());
    }
    return consistencyCheck ? Optional.of(options) : Optional.empty();
  }

  /** An empty path (e.g. {@code IMMUDB_CLIENTCAS=}) means the flag is unset. */
  private static Optional<Path> unlessEmpty(Path p) {
    return Optional.ofNullable(p).filter(x -> !x.toString().isEmpty());
  }
}
