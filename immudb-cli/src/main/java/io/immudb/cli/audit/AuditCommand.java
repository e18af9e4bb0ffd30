package io.immudb.cli.audit;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code immuclient audit-mode}: runs the auditor in the foreground until SIGINT/SIGTERM (or for
 * {@code --audit-rounds} rounds). Takes immuclient's connection flags ({@code -a}, {@code -p},
 * {@code --roots-filepath}, {@code --server-signing-pub-key}, {@code --max-recv-msg-size}, {@code
 * --output}) and its own {@code --audit-*} flags, also as {@code IMMUCLIENT_AUDIT_*} variables.
 * Service management ({@code install}, {@code start}, …) is meant to be added as subcommands.
 */
@Command(
    name = "audit-mode",
    mixinStandardHelpOptions = true,
    description =
        "Audit the server: every interval, prove that each database's current state extends the"
            + " state trusted in the previous round (and optionally re-read the values written"
            + " since); print one line per database per round, serve Prometheus metrics and post a"
            + " notification when tampering is found. Runs in the foreground until interrupted.",
    footer = {
      "",
      "Results: ok (metric 1); tampered (0: a proof failed, or the server reported corrupted"
          + " data); error (-1: the server could not be asked).",
      "Trusted states: in --roots-filepath, by default ~/.immudb/audit-roots (not the states of"
          + " the other immuclient commands).",
      "Exit status with --audit-rounds: 0 all ok, 1 some error, 3 some tampering; 2 bad usage."
    })
public final class AuditCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--audit-username",
      defaultValue = "immudb",
      description = "user the auditor logs in as (default: ${DEFAULT-VALUE})")
  String username;

  @Option(
      names = "--audit-password",
      description = "its password: plain text, or 'enc:' followed by the base64 of it (required)")
  String password;

  @Option(
      names = "--audit-databases",
      split = ",",
      description = "databases to audit, comma-separated (default: every database the user lists)")
  List<String> databases = List.of();

  @Option(
      names = "--audit-interval",
      defaultValue = "60s",
      converter = DurationConverter.class,
      description = "time between rounds, e.g. 30s, 5m, 1h (default: ${DEFAULT-VALUE})")
  Duration interval;

  @Option(
      names = "--audit-signature",
      defaultValue = "ignore",
      description =
          "ignore, or validate: states must be signed by the key of --server-signing-pub-key"
              + " (default: ${DEFAULT-VALUE})")
  String signature;

  @Option(
      names = "--audit-verify-values",
      description = "also re-read every value written since the last round and check its hash")
  boolean verifyValues;

  @Option(
      names = "--audit-notification-url",
      description = "POST a JSON report here when tampering is found")
  String notificationUrl;

  @Option(
      names = "--audit-notification-username",
      description = "user for HTTP basic authentication of the notification")
  String notificationUsername;

  @Option(names = "--audit-notification-password", description = "its password")
  String notificationPassword;

  @Option(
      names = {"--audit-monitoring-host", "--prometheus-host"},
      defaultValue = "0.0.0.0",
      description = "address of the Prometheus metrics endpoint (default: ${DEFAULT-VALUE})")
  String monitoringHost;

  @Option(
      names = {"--audit-monitoring-port", "--prometheus-port"},
      defaultValue = "9477",
      description = "its port; 0 picks a free one (default: ${DEFAULT-VALUE})")
  int monitoringPort;

  @Option(
      names = "--audit-rounds",
      defaultValue = "0",
      description = "stop after this many rounds; 0 runs until interrupted (default: 0)")
  long rounds;

  /** The flags, validated. */
  AuditorOptions options() {
    String mode = signature.toLowerCase(Locale.ROOT);
    if (!mode.equals("ignore") && !mode.equals("validate")) {
      throw new IllegalArgumentException(
          "--audit-signature must be ignore or validate, not " + signature);
    }
    Path key = global("--server-signing-pub-key");
    if (mode.equals("validate") && key == null) {
      throw new IllegalArgumentException(
          "--audit-signature validate needs the server's public key in --server-signing-pub-key");
    }
    URI url = null;
    if (notificationUrl != null && !notificationUrl.isBlank()) {
      try {
        url = new URI(notificationUrl.trim());
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException(
            "--audit-notification-url is not a URL: " + e.getMessage());
      }
    }
    String output = global("--output");
    if (output != null && !output.equalsIgnoreCase("text") && !output.equalsIgnoreCase("json")) {
      throw new IllegalArgumentException("--output must be text or json, not " + output);
    }
    Path roots = global("--roots-filepath");
    Integer port = global("--immudb-port");
    Integer maxRecv = global("--max-recv-msg-size");
    return new AuditorOptions(
        global("--immudb-address"),
        port == null ? 3322 : port,
        maxRecv == null ? 32 << 20 : maxRecv,
        username,
        AuditorOptions.decodePassword(password),
        databases.stream().map(String::trim).filter(s -> !s.isEmpty()).toList(),
        interval,
        mode.equals("validate") ? key : null,
        verifyValues,
        url,
        blankToNull(notificationUsername),
        blankToNull(notificationPassword),
        monitoringHost,
        monitoringPort,
        rounds,
        roots != null ? roots : Path.of(System.getProperty("user.home"), ".immudb", "audit-roots"),
        "json".equalsIgnoreCase(output));
  }

  private static String blankToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  /** The value of one of immuclient's global (inherited) flags, or null if it has none. */
  @SuppressWarnings("unchecked")
  private <T> T global(String name) {
    OptionSpec o = spec.findOption(name);
    return o == null ? null : (T) o.getValue();
  }

  @Override
  public Integer call() throws IOException {
    AuditorOptions o;
    try {
      o = options();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    try (Auditor auditor = new Auditor(o, System.out, System.err)) {
      System.err.println(
          "immuclient audit-mode: auditing "
              + o.serverAddress()
              + (o.databases().isEmpty() ? "" : " " + String.join(",", o.databases()))
              + " every "
              + o.interval().toString().substring(2).toLowerCase(Locale.ROOT)
              + ", metrics on http://"
              + o.monitoringHost()
              + ":"
              + auditor.metricsPort()
              + "/metrics, states in "
              + o.statesDir());
      Thread hook =
          new Thread(
              () -> {
                auditor.stop();
                try {
                  auditor.awaitFinished(Duration.ofSeconds(30));
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              },
              "immuclient-audit-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      try {
        return auditor.run();
      } finally {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
          // The hook is running: it waits for run() to return, which it just did.
        }
      }
    }
  }
}
