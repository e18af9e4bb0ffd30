package io.immudb.server;

import io.immudb.server.config.ConfigException;
import io.immudb.server.config.ServerCommand;
import io.immudb.server.config.ServerConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Map;
import picocli.CommandLine;

/**
 * {@code immudb}: starts the server with the flags (and {@code IMMUDB_*} environment variables) of
 * {@link ServerCommand}; SIGTERM and SIGINT shut it down gracefully.
 */
public final class ImmudbMain {
  private ImmudbMain() {}

  public static void main(String[] args) throws InterruptedException {
    System.exit(run(args, System.getenv(), System.out, System.err));
  }

  /** Runs the server until it is shut down; returns the exit status. */
  static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err)
      throws InterruptedException {
    if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
      out.print(ServerCommand.usage(env));
      return 0;
    }
    ServerConfig cfg;
    try {
      cfg = ServerCommand.parse(args, env);
    } catch (CommandLine.ParameterException | ConfigException e) {
      err.println("immudb: " + e.getMessage());
      err.print(ServerCommand.usage(env));
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
    out.println("listening on " + cfg.address() + ":" + server.port());
    server
        .metricsPort()
        .ifPresent(
            p ->
                out.println(
                    "metrics on "
                        + (cfg.metricsTls() ? "https" : "http")
                        + "://"
                        + cfg.address()
                        + ":"
                        + p
                        + "/metrics"));
    out.println(cfg.tls().map(t -> "transport " + t.describe()).orElse("transport plaintext"));
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
