package io.immudb.gw;

import io.immudb.ops.BuildInfo;
import io.immudb.ops.ConfigProfile;
import io.immudb.ops.DetachLauncher;
import io.immudb.ops.PidFile;
import io.immudb.ops.ProcessCommandRunner;
import io.immudb.ops.ToolConfig;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * {@code bin/immugw}: starts the {@link Gateway} with the flags of {@link GatewayCommand} (also
 * {@code IMMUGW_*} variables and {@code immugw.toml} keys), in the foreground until SIGTERM/SIGINT
 * or, with {@code -d}, in the background. {@code immugw version} prints the build information. Exit
 * status: 0 after a clean stop, 1 if it cannot start, 2 on a bad flag, variable or file.
 */
public final class Immugw {
  /** Set in a background child's environment so that it does not detach again. */
  static final String NOT_DETACHED = "IMMUGW_DETACHED";

  private static final Duration DETACH_TIMEOUT = Duration.ofSeconds(60);

  private Immugw() {}

  public static void main(String[] args) {
    System.exit(run(args, System.getenv(), System.out, System.err, GatewayCommand.PROFILE));
  }

  /** Runs immugw until it stops; returns the exit status. */
  static int run(
      String[] args,
      Map<String, String> env,
      PrintStream out,
      PrintStream err,
      ConfigProfile profile) {
    GatewayCommand command = new GatewayCommand();
    CommandLine cl = new CommandLine(command);
    cl.addSubcommand(
        new ServiceCommand(out, new ProcessCommandRunner(), io.immudb.ops.Launchers::effectiveUid));
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    ToolConfig config =
        ToolConfig.install(cl, profile, args, env, w -> err.println("immugw: warning: " + w));
    ParseResult parsed;
    try {
      parsed = cl.parseArgs(args);
    } catch (CommandLine.ParameterException e) {
      Optional<String> fromDefaults = config.explain(e);
      err.println("immugw: " + fromDefaults.orElse(e.getMessage()));
      if (fromDefaults.isEmpty()) {
        e.getCommandLine().usage(err);
      }
      return 2;
    }
    if (CommandLine.printHelpIfRequested(parsed)) {
      return 0;
    }
    if (ToolConfig.isInformational(parsed)) {
      return new CommandLine.RunLast().execute(parsed);
    }
    if (parsed.hasSubcommand()) {
      if (config.error().isPresent()) {
        err.println("immugw: " + config.error().get().getMessage());
        return 2;
      }
      return runSubcommand(parsed, err);
    }
    if (config.error().isPresent()) {
      err.println("immugw: " + config.error().get().getMessage());
      return 2;
    }
    GatewayOptions o;
    try {
      o = command.options();
    } catch (IllegalArgumentException e) {
      err.println("immugw: " + e.getMessage());
      return 2;
    }
    if (command.detached) {
      return detach(command, o, args, out, err);
    }
    try (PrintStream log = openLog(command.logfile)) {
      PrintStream o1 = log != null ? log : out;
      PrintStream e1 = log != null ? log : err;
      return serve(o, command.pidfile, config.file(), o1, e1);
    } catch (IOException e) {
      err.println("immugw: " + e.getMessage());
      return 1;
    }
  }

  private static int runSubcommand(ParseResult parsed, PrintStream err) {
    try {
      return new CommandLine.RunLast().execute(parsed);
    } catch (CommandLine.ParameterException e) { // e.g. `immugw service` without an action
      err.println(e.getCommandLine().getCommandSpec().qualifiedName() + ": " + e.getMessage());
      e.getCommandLine().usage(err);
      return 2;
    } catch (CommandLine.ExecutionException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      err.println(e.getCommandLine().getCommandSpec().qualifiedName() + ": " + cause.getMessage());
      return cause instanceof IllegalArgumentException ? 2 : 1;
    }
  }

  private static PrintStream openLog(Path logfile) throws IOException {
    if (logfile == null) {
      return null;
    }
    Path abs = logfile.toAbsolutePath();
    if (abs.getParent() != null) {
      Files.createDirectories(abs.getParent());
    }
    return new PrintStream(new FileOutputStream(abs.toFile(), true), true, StandardCharsets.UTF_8);
  }

  private static int serve(
      GatewayOptions o, Path pidfile, Optional<Path> configFile, PrintStream out, PrintStream err)
      throws IOException {
    String version = BuildInfo.current().version();
    Gateway gw;
    PidFile pid = pidfile == null ? null : PidFile.create(pidfile);
    try {
      gw = Gateway.start(o, version, out);
    } catch (IOException | RuntimeException e) {
      err.println("immugw: cannot start: " + e.getMessage());
      if (pid != null) {
        pid.close();
      }
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  gw.close();
                  try {
                    if (pid != null) {
                      pid.close();
                    }
                  } catch (IOException e) {
                    err.println("immugw: cannot remove " + pid.path() + ": " + e.getMessage());
                  }
                  stopped.countDown();
                },
                "immugw-shutdown"));
    out.println("immugw " + version);
    configFile.ifPresent(f -> out.println("config file " + f.toAbsolutePath().normalize()));
    out.println(
        "REST API on http://" + o.address() + ":" + gw.port() + "/api/ (docs at /api/docs/)");
    if (gw.metricsPort() >= 0) {
      out.println("metrics on http://" + o.address() + ":" + gw.metricsPort() + "/metrics");
    }
    out.println(
        "immudb server "
            + o.immudbAddress()
            + ":"
            + o.immudbPort()
            + (o.upstreamTls().enabled() ? " (TLS)" : " (plaintext)"));
    out.println("trusted states in " + o.rootsDir().toAbsolutePath().normalize());
    if (o.audit() != null) {
      out.println(
          "auditing every "
              + o.audit().interval().toString().substring(2).toLowerCase(Locale.ROOT)
              + " as "
              + o.audit().username());
    }
    out.flush();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  /** {@code -d}: the same command again in the background, returning once its port answers. */
  private static int detach(
      GatewayCommand c, GatewayOptions o, String[] args, PrintStream out, PrintStream err) {
    if (o.port() == 0) {
      err.println("immugw: --port must not be 0 with -d/--detached: the port shows it is up");
      return 2;
    }
    Path output =
        (c.logfile != null ? c.logfile : o.rootsDir().resolve("immugw.log"))
            .toAbsolutePath()
            .normalize();
    InetSocketAddress probe =
        new InetSocketAddress(DetachLauncher.probeHost(o.address()), o.port());
    try {
      long pid =
          new DetachLauncher(DETACH_TIMEOUT)
              .launch(
                  DetachLauncher.relaunch(Immugw.class, withoutDetach(args)),
                  Map.of(NOT_DETACHED, "false"),
                  output,
                  probe);
      out.println(pid);
      err.println(
          "immugw: running in the background as process "
              + pid
              + ", REST API on http://"
              + o.address()
              + ":"
              + o.port()
              + "/api/, output in "
              + output);
      return 0;
    } catch (IOException e) {
      return DetachLauncher.reportFailure("immugw", e, err);
    }
  }

  /** {@code args} without {@code -d}/{@code --detached} (and a boolean value after it). */
  static List<String> withoutDetach(String[] args) {
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("-d") || a.equals("--detached")) {
        if (i + 1 < args.length
            && (args[i + 1].equalsIgnoreCase("true") || args[i + 1].equalsIgnoreCase("false"))) {
          i++;
        }
      } else if (!a.startsWith("--detached=") && !a.startsWith("-d=")) {
        kept.add(a);
      }
    }
    return kept;
  }
}
