package io.immudb.gw;

import io.immudb.cli.audit.AuditorOptions;
import io.immudb.ops.BuildVersionProvider;
import io.immudb.ops.ConfigProfile;
import io.immudb.ops.DurationConverter;
import io.immudb.ops.VersionCommand;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code immugw}'s flags (the seed-era immugw's, plus immuclient's TLS flags), each also an {@code
 * IMMUGW_<FLAG>} variable and a key of {@code immugw.toml} ({@link #PROFILE}). Not thread-safe:
 * parsed once, then turned into {@link GatewayOptions}.
 */
@Command(
    name = "immugw",
    mixinStandardHelpOptions = true,
    versionProvider = BuildVersionProvider.class,
    subcommands = {VersionCommand.class, CommandLine.HelpCommand.class},
    description =
        "The verifying gateway: immudb's REST API in front of an immudb server, checking the"
            + " proofs of the verifiable routes itself against its own trusted states.",
    footer = {
      "",
      "Every flag can also be set with the environment variable IMMUGW_<FLAG> (e.g.",
      "IMMUGW_IMMUDB_PORT) or the key <flag> in the config file (e.g. immudb-port = 3322);",
      "flags win over the environment, which wins over the file. Without --config the file is",
      "./configs/immugw.toml or else /etc/immudb/immugw.toml, whichever exists first.",
      "Verifiable routes answer {..., \"verified\": true} or HTTP 409 with the evidence."
    })
final class GatewayCommand {
  /** Where immugw finds its configuration besides the command line. */
  static final ConfigProfile PROFILE =
      new ConfigProfile(
          "immugw",
          "IMMUGW_",
          List.of(Path.of("configs", "immugw.toml"), Path.of("/etc/immudb/immugw.toml")),
          Set.of("dir"));

  @Option(names = "--config", paramLabel = "FILE", description = "config file")
  Path config;

  @Option(
      names = {"-a", "--address"},
      defaultValue = "0.0.0.0",
      description = "address the gateway's HTTP port binds to (default: ${DEFAULT-VALUE})")
  String address;

  @Option(
      names = {"-p", "--port"},
      defaultValue = "3323",
      description = "the gateway's HTTP port; 0 picks a free one (default: ${DEFAULT-VALUE})")
  int port;

  @Option(
      names = {"-k", "--immudb-address"},
      defaultValue = "127.0.0.1",
      description = "immudb server address (default: ${DEFAULT-VALUE})")
  String immudbAddress;

  @Option(
      names = {"-j", "--immudb-port"},
      defaultValue = "3322",
      description = "immudb server gRPC port (default: ${DEFAULT-VALUE})")
  int immudbPort;

  @Option(
      names = "--roots-filepath",
      paramLabel = "DIR",
      description = "where the trusted states are kept (default: ~/.immudb/immugw-roots)")
  Path roots;

  @Option(
      names = "--server-signing-pub-key",
      paramLabel = "FILE",
      description = "the server's state-signing public key (PEM); states must then be signed")
  Path signingKey;

  @Option(
      names = "--max-recv-msg-size",
      defaultValue = "33554432",
      description =
          "largest answer from the server and largest request body, in bytes"
              + " (default: ${DEFAULT-VALUE})")
  int maxRecvMsgSize;

  @Option(
      names = "--metrics-port",
      defaultValue = "9476",
      description =
          "Prometheus metrics port on --address; 0 picks a free one, -1 turns it off"
              + " (default: ${DEFAULT-VALUE})")
  int metricsPort;

  @Option(names = "--tls", description = "connect to the server with TLS")
  boolean tls;

  @Option(
      names = {"-m", "--mtls"},
      description = "connect with mutual TLS: present --certificate/--pkey")
  boolean mtls;

  @Option(names = "--servername", description = "the name the server's certificate must carry")
  String serverName;

  @Option(names = "--certificate", paramLabel = "FILE", description = "client certificate (PEM)")
  Path certificate;

  @Option(names = "--pkey", paramLabel = "FILE", description = "its private key (PEM)")
  Path pkey;

  @Option(
      names = "--clientcas",
      paramLabel = "FILE",
      description = "CA certificates the server's certificate must chain to (PEM)")
  Path clientCas;

  @Option(names = "--audit", description = "also run the auditor inside the gateway")
  boolean audit;

  @Option(
      names = "--audit-username",
      defaultValue = "immudb",
      description = "user the auditor logs in as (default: ${DEFAULT-VALUE})")
  String auditUsername;

  @Option(
      names = "--audit-password",
      description = "its password: plain text, or 'enc:' followed by the base64 of it")
  String auditPassword;

  @Option(
      names = "--audit-databases",
      split = ",",
      description = "databases to audit, comma-separated (default: every database listed)")
  List<String> auditDatabases = List.of();

  @Option(
      names = "--audit-interval",
      defaultValue = "5m",
      converter = DurationConverter.class,
      description = "time between audit rounds, e.g. 30s, 5m (default: ${DEFAULT-VALUE})")
  Duration auditInterval;

  @Option(
      names = "--audit-signature",
      defaultValue = "ignore",
      description =
          "ignore, or validate: states must be signed by --server-signing-pub-key"
              + " (default: ${DEFAULT-VALUE})")
  String auditSignature;

  @Option(
      names = {"-d", "--detached"},
      description = "run in the background; print the pid once the HTTP port answers")
  boolean detached;

  @Option(names = "--pidfile", paramLabel = "FILE", description = "write the process id to FILE")
  Path pidfile;

  @Option(
      names = "--logfile",
      paramLabel = "FILE",
      description = "append the output to FILE (with -d default: <roots-filepath>/immugw.log)")
  Path logfile;

  /** The trusted-state directory: the flag, or {@code ~/.immudb/immugw-roots}. */
  Path rootsDir() {
    return roots != null
        ? roots
        : Path.of(System.getProperty("user.home"), ".immudb", "immugw-roots");
  }

  /**
   * The flags, validated.
   *
   * @throws IllegalArgumentException naming the flag that is wrong
   */
  GatewayOptions options() {
    UpstreamTls upstream = new UpstreamTls(tls, mtls, serverName, certificate, pkey, clientCas);
    AuditorOptions auditor = null;
    if (audit) {
      String mode = auditSignature.toLowerCase(Locale.ROOT);
      if (!mode.equals("ignore") && !mode.equals("validate")) {
        throw new IllegalArgumentException(
            "--audit-signature must be ignore or validate, not " + auditSignature);
      }
      if (mode.equals("validate") && signingKey == null) {
        throw new IllegalArgumentException(
            "--audit-signature validate needs the server's public key in"
                + " --server-signing-pub-key");
      }
      auditor =
          new AuditorOptions(
              immudbAddress,
              immudbPort,
              maxRecvMsgSize,
              auditUsername,
              AuditorOptions.decodePassword(auditPassword),
              auditDatabases.stream().map(String::trim).filter(s -> !s.isEmpty()).toList(),
              auditInterval,
              mode.equals("validate") ? signingKey : null,
              false,
              null,
              null,
              null,
              address,
              0,
              0,
              rootsDir().resolve("audit"),
              false);
    }
    return new GatewayOptions(
        address,
        port,
        immudbAddress,
        immudbPort,
        upstream,
        rootsDir(),
        signingKey,
        maxRecvMsgSize,
        Duration.ofSeconds(60),
        metricsPort,
        auditor);
  }
}
