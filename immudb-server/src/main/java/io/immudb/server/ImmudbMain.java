package io.immudb.server;

import io.immudb.ops.ConfigProfile;
import io.immudb.ops.ProcessCommandRunner;
import io.immudb.ops.ToolConfig;
import io.immudb.server.config.ConfigException;
import io.immudb.server.config.ProcessOptions;
import io.immudb.server.config.ServerCommand;
import io.immudb.server.config.ServerConfig;
import io.immudb.server.logging.LogSetup;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * {@code immudb}: starts the server with the flags of {@link ServerCommand}, falling back to {@code
 * IMMUDB_*} environment variables and the configuration file ({@link ServerCommand#PROFILE}), in
 * the foreground or, with {@code -d}, in the background ({@link DetachedStart}); SIGTERM and SIGINT
 * shut it down gracefully. {@code immudb version} (or {@code --version}) prints the build
 * information; {@code immudb service ...} manages the system service ({@link ServiceCommand}). Exit
 * status: 0 after a clean shutdown, 1 if the server cannot start, 2 on a bad flag, variable,
 * configuration file or value.
 */
public final class ImmudbMain {
  private ImmudbMain() {}

  public static void main(String[] args) throws InterruptedException {
    System.exit(
        run(
            args,
            System.getenv(),
            System.out,
            System.err,
            ServerCommand.PROFILE,
            LoggerFactory.getLogger(ImmudbMain.class)::warn));
  }

  /** The command line: the server's flags plus its subcommands, printing to out and err. */
  static CommandLine commandLine(Map<String, String> env, PrintStream out, PrintStream err) {
    return commandLine(
        env,
        out,
        err,
        new ServiceCommand(out, new ProcessCommandRunner(), ServiceCommand::effectiveUid));
  }

  /**
   * As {@link #commandLine(Map, PrintStream, PrintStream)}, with the given service command and
   * defaults from {@code env} only (no configuration file).
   */
  static CommandLine commandLine(
      Map<String, String> env, PrintStream out, PrintStream err, ServiceCommand service) {
    CommandLine cl = ServerCommand.commandLine(env);
    cl.addSubcommand(service);
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl;
  }

  /**
   * {@link #run(String[], Map, PrintStream, PrintStream, ConfigProfile, Consumer)} as main does.
   */
  static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err)
      throws InterruptedException {
    return run(
        args,
        env,
        out,
        err,
        ServerCommand.PROFILE,
        LoggerFactory.getLogger(ImmudbMain.class)::warn);
  }

  /** Runs the server (or a subcommand) until it is done; returns the exit status. */
  static int run(
      String[] args,
      Map<String, String> env,
      PrintStream out,
      PrintStream err,
      ConfigProfile profile,
      Consumer<String> warnings)
      throws InterruptedException {
    CommandLine cl = ServerCommand.commandLine();
    cl.addSubcommand(
        new ServiceCommand(out, new ProcessCommandRunner(), ServiceCommand::effectiveUid));
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    ToolConfig config =
        ToolConfig.install(cl, profile, args, ServerCommand.environment(env), warnings);
    ParseResult parsed;
    try {
      parsed = cl.parseArgs(args);
    } catch (CommandLine.ParameterException e) {
      Optional<String> fromDefaults = config.explain(e);
      if (fromDefaults.isPresent()) {
        err.println("immudb: " + fromDefaults.get());
      } else {
        err.println("immudb: " + e.getMessage());
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
      return runSubcommand(parsed, err);
    }
    if (config.error().isPresent()) {
      err.println("immudb: " + config.error().get().getMessage());
      return 2;
    }
    ServerConfig cfg;
    try {
      cfg = ServerCommand.toConfig(cl, config);
    } catch (ConfigException e) {
      err.println("immudb: " + e.getMessage());
      return 2;
    }
    if (cfg.process().detached()) {
      return DetachedStart.run(cfg, args, out, err);
    }
    return serve(cfg, config.file(), out, err);
  }

  private static int runSubcommand(ParseResult pr, PrintStream err) {
    try {
      return new CommandLine.RunLast().execute(pr);
    } catch (CommandLine.ParameterException e) { // e.g. `immudb service` without an action
      err.println(e.getCommandLine().getCommandSpec().qualifiedName() + ": " + e.getMessage());
      e.getCommandLine().usage(err);
      return 2;
    } catch (CommandLine.ExecutionException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      err.println(e.getCommandLine().getCommandSpec().qualifiedName() + ": " + cause.getMessage());
      return 1;
    }
  }

  private static int serve(
      ServerConfig cfg, Optional<java.nio.file.Path> configFile, PrintStream out, PrintStream err)
      throws InterruptedException {
    try {
      ProcessOptions process = cfg.process();
      LogSetup.configure(process.logLevel(), process.logFormat(), process.logfile());
    } catch (IOException e) {
      err.println("immudb: " + e.getMessage());
      return 1;
    }
    Logger log = LoggerFactory.getLogger(ImmudbMain.class);
    ImmudbServer server;
    try {
      server = ImmudbServer.start(cfg);
    } catch (IOException | RuntimeException e) {
      if (cfg.process().logfile().isPresent()) { // otherwise the log is stderr: say it once
        log.error("cannot start: {}", e.getMessage());
      }
      err.println("immudb: cannot start: " + e.getMessage());
      return 1;
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  log.info("shutting down");
                  try {
                    server.close();
                    log.info("stopped");
                  } catch (IOException e) {
                    log.error("error while closing: {}", e.getMessage());
                  }
                },
                "immudb-shutdown"));
    String dir = cfg.storage().dir().toAbsolutePath().normalize().toString();
    log.info(
        "immudb {} listening on {}:{}, data directory {}, server identifier {}{}",
        io.immudb.server.grpc.ImmuServices.VERSION,
        cfg.network().address(),
        server.port(),
        dir,
        server.identifier(),
        cfg.process().pidfile().map(p -> ", pidfile " + p).orElse(""));
    out.println("immudb " + io.immudb.server.grpc.ImmuServices.VERSION);
    configFile.ifPresent(f -> out.println("config file " + f.toAbsolutePath().normalize()));
    out.println("listening on " + cfg.network().address() + ":" + server.port());
    server
        .legacyPort()
        .ifPresent(
            p ->
                out.println(
                    "v0.8 API (immudb4j 0.1.8) listening on " + cfg.network().address() + ":" + p));
    server
        .webPort()
        .ifPresent(
            p ->
                out.println(
                    "REST API on "
                        + (cfg.serverTls().isPresent() ? "https" : "http")
                        + "://"
                        + cfg.network().address()
                        + ":"
                        + p
                        + "/api/ (docs at /api/docs/)"));
    server
        .metricsPort()
        .ifPresent(
            p ->
                out.println(
                    "metrics on "
                        + (cfg.metrics().tls() ? "https" : "http")
                        + "://"
                        + cfg.network().address()
                        + ":"
                        + p
                        + "/metrics"));
    out.println(
        cfg.serverTls().map(t -> "transport " + t.describe()).orElse("transport plaintext"));
    out.println("data directory " + dir);
    out.println("server identifier " + server.identifier());
    if (!cfg.security().auth()) {
      out.println("authentication is disabled");
    }
    out.flush();
    server.awaitTermination();
    return 0;
  }
}
