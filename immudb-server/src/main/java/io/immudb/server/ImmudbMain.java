package io.immudb.server;

import io.immudb.ops.ConfigProfile;
import io.immudb.ops.ToolConfig;
import io.immudb.server.config.ConfigException;
import io.immudb.server.config.ServerCommand;
import io.immudb.server.config.ServerConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * {@code immudb}: starts the server with the flags of {@link ServerCommand}, falling back to {@code
 * IMMUDB_*} environment variables and the configuration file ({@link ServerCommand#PROFILE});
 * {@code immudb version} (or {@code --version}) prints the build information instead. SIGTERM and
 * SIGINT shut the server down gracefully. Exit status: 0 after a clean shutdown, 1 if the server
 * cannot start, 2 on a bad flag, variable, configuration file or value.
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

  /** Runs the server until it is shut down; returns the exit status. */
  static int run(
      String[] args,
      Map<String, String> env,
      PrintStream out,
      PrintStream err,
      ConfigProfile profile,
      Consumer<String> warnings)
      throws InterruptedException {
    CommandLine cl = ServerCommand.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    ToolConfig config = ToolConfig.install(cl, profile, args, env, warnings);
    CommandLine.ParseResult parsed;
    try {
      parsed = cl.parseArgs(args);
    } catch (CommandLine.ParameterException e) {
      Optional<String> fromDefaults = config.explain(e);
      if (fromDefaults.isPresent()) {
        err.println("immudb: " + fromDefaults.get());
      } else {
        err.println("immudb: " + e.getMessage());
        err.print(cl.getUsageMessage());
      }
      return 2;
    }
    if (ToolConfig.isInformational(parsed)) {
      return new CommandLine.RunLast().execute(parsed);
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
    ImmudbServer server;
    try {
      server = ImmudbServer.start(cfg);
    } catch (IOException | RuntimeException e) {
      err.println("immudb: cannot start: " + e.getMessage());
      return 1;
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    server.close();
                  } catch (IOException e) {
                    err.println("immudb: error while closing: " + e.getMessage());
                  }
                },
                "immudb-shutdown"));
    out.println("immudb " + io.immudb.server.grpc.ImmuServices.VERSION);
    config.file().ifPresent(f -> out.println("config file " + f.toAbsolutePath().normalize()));
    out.println("listening on " + cfg.address() + ":" + server.port());
    out.println("data directory " + cfg.dir().toAbsolutePath().normalize());
    out.println("server identifier " + server.identifier());
    if (!cfg.auth()) {
      out.println("authentication is disabled");
    }
    out.flush();
    server.awaitTermination();
    return 0;
  }
}
