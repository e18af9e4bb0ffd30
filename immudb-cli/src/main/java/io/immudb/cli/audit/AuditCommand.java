package io.immudb.cli.audit;

import io.immudb.cli.ClientOptions;
import io.immudb.cli.Console;
import io.immudb.ops.CommandRunner;
import io.immudb.ops.DurationConverter;
import io.immudb.ops.PidFile;
import io.immudb.ops.ProcessCommandRunner;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import picocli.CommandLine;
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
 * With {@code -d} it runs in the background ({@link AuditDetach}); {@code install}, {@code
 * uninstall}, {@code start}, {@code stop}, {@code restart} and {@code status} manage it as the
 * systemd service {@value AuditService#NAME} ({@link AuditService}).
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
      "Exit status with --audit-rounds: 0 all ok, 1 some error, 3 some tampering; 2 bad usage.",
      "Background: -d starts it as a child process and returns once its metrics port answers.",
      "Service (Linux, systemd): immuclient audit-mode [--audit-* flags] install writes the"
          + " service "
          + AuditService.NAME
          + " with those settings in "
          + AuditService.CONFIG
          + "."
    })
public final class AuditCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  private final CommandRunner runner;
  private final LongSupplier euid;

  /** The command as immuclient runs it: real commands, this process's user id. */
  public AuditCommand() {
    this(new ProcessCommandRunner(), AuditService::effectiveUid);
  }

  /**
   * @param runner runs useradd, chown and systemctl for the service actions (without {@code
   *     --root})
   * @param euid the effective user id of this process
   */
  AuditCommand(CommandRunner runner, LongSupplier euid) {
    this.runner = runner;
    this.euid = euid;
  }

  /** Where immuclient prints. */
  private Console console() {
    return ClientOptions.of(spec).console();
  }

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

  @Option(
      names = {"-d", "--detached"},
      description =
          "run in the background: start the auditor as a child process, print its pid once its"
              + " metrics port answers, and return")
  boolean detached;

  @Option(
      names = "--audit-logfile",
      paramLabel = "FILE",
      description =
          "append the auditor's output to FILE (with -d default: <roots-filepath>/audit.log)")
  Path logfile;

  @Option(
      names = "--audit-pidfile",
      paramLabel = "FILE",
      description = "write the auditor's process id to FILE while it runs")
  Path pidfile;

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

  static String blankToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  /** The value of one of immuclient's global (inherited) flags, or null if it has none. */
  @SuppressWarnings("unchecked")
  <T> T global(String name) {
    OptionSpec o = spec.findOption(name);
    return o == null ? null : (T) o.getValue();
  }

  /** The flags, validated; a bad one is a usage error. */
  private AuditorOptions checkedOptions() {
    try {
      AuditorOptions o = options();
      if (detached && o.monitoringPort() == 0) {
        throw new IllegalArgumentException(
            "--audit-monitoring-port must not be 0 with -d/--detached: the port shows that the"
                + " auditor is up");
      }
      return o;
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  @Override
  public Integer call() throws IOException {
    AuditorOptions o = checkedOptions();
    if (detached) {
      Path log = logfile != null ? logfile : o.statesDir().resolve("audit.log");
      return AuditDetach.run(o, log, rootArgs(), console().out(), console().err());
    }
    PrintStream log = null;
    if (logfile != null) {
      Path abs = logfile.toAbsolutePath();
      if (abs.getParent() != null) {
        Files.createDirectories(abs.getParent());
      }
      log = new PrintStream(new FileOutputStream(abs.toFile(), true), true, StandardCharsets.UTF_8);
    }
    try (PidFile pid = pidfile == null ? null : PidFile.create(pidfile)) {
      return runForeground(
          o, log != null ? log : console().out(), log != null ? log : console().err(), pid);
    } finally {
      if (log != null) {
        log.close();
      }
    }
  }

  /** The command-line arguments immuclient was started with (for the background child). */
  private String[] rootArgs() {
    CommandLine root = spec.commandLine();
    while (root.getParent() != null) {
      root = root.getParent();
    }
    return root.getParseResult().originalArgs().toArray(new String[0]);
  }

  /**
   * Runs the auditor until its rounds are done or the JVM is asked to stop; {@code pid} (may be
   * null) is removed by the shutdown hook too, as the JVM ends without finishing this method then.
   */
  private int runForeground(AuditorOptions o, PrintStream out, PrintStream err, PidFile pid)
      throws IOException {
    try (Auditor auditor = new Auditor(o, out, err)) {
      err.println(
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
                  if (pid != null) {
                    pid.close();
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                } catch (IOException e) {
                  err.println("immuclient audit-mode: cannot remove " + pid.path() + ": " + e);
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

  // ------------------------------------------------------------------ service

  @Command(
      name = "install",
      mixinStandardHelpOptions = true,
      description =
          "Install, enable and start the "
              + AuditService.NAME
              + " systemd service with the audit-mode settings given (flags, environment, file).")
  int install(
      @Option(names = "--root", paramLabel = "DIR", description = ROOT_HELP) Path root,
      @Option(
              names = "--executable",
              paramLabel = "PATH",
              description =
                  "the program the service runs (default: bin/immuclient of this installation)")
          Path executable)
      throws IOException {
    checkedOptions();
    Path exe = executable != null ? executable : AuditService.defaultLauncher().orElse(null);
    if (exe == null) {
      throw new IOException("cannot tell which launcher the service should run; use --executable");
    }
    exe = exe.toAbsolutePath().normalize();
    if (root == null && !Files.isExecutable(exe)) {
      throw new IOException("--executable " + exe + " is not an executable file");
    }
    installer(root, true, exe).install();
    return 0;
  }

  @Command(
      name = "uninstall",
      mixinStandardHelpOptions = true,
      description =
          "Stop, disable and remove the service; keep its states and configuration unless"
              + " --remove-data.")
  int uninstall(
      @Option(names = "--root", paramLabel = "DIR", description = ROOT_HELP) Path root,
      @Option(
              names = "--remove-data",
              description = "also delete " + AuditService.HOME_DIR + " and " + AuditService.CONFIG)
          boolean removeData)
      throws IOException {
    installer(root, true, null).uninstall(removeData);
    return 0;
  }

  @Command(name = "start", mixinStandardHelpOptions = true, description = "Start the service.")
  int start(@Option(names = "--root", paramLabel = "DIR", description = ROOT_HELP) Path root)
      throws IOException {
    installer(root, true, null).control("start");
    return 0;
  }

  @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop the service.")
  int stop(@Option(names = "--root", paramLabel = "DIR", description = ROOT_HELP) Path root)
      throws IOException {
    installer(root, true, null).control("stop");
    return 0;
  }

  @Command(name = "restart", mixinStandardHelpOptions = true, description = "Restart the service.")
  int restart(@Option(names = "--root", paramLabel = "DIR", description = ROOT_HELP) Path root)
      throws IOException {
    installer(root, true, null).control("restart");
    return 0;
  }

  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      description = "Show the service's status (systemctl status); exit 3 when it is not running.")
  int status(@Option(names = "--root", paramLabel = "DIR", description = ROOT_HELP) Path root)
      throws IOException {
    return installer(root, false, null).status();
  }

  private static final String ROOT_HELP =
      "install under DIR instead of / and print the commands instead of running them"
          + " (for staging and tests)";

  private io.immudb.ops.ServiceInstaller installer(Path root, boolean needsRoot, Path exe)
      throws IOException {
    return AuditService.installer(
        root,
        needsRoot,
        exe,
        AuditService.settings(this),
        runner,
        euid.getAsLong(),
        console().out());
  }
}
