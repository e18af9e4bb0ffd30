package io.immudb.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What a new user does first with a set of launchers ({@code bin/} of a checkout or of the release
 * archive): start {@code bin/immudb} on a free loopback port, log in with {@code bin/immuclient},
 * write and read a value with verification, and ask {@code bin/immuadmin} for the server's status.
 * Every step runs the real launcher as a child process.
 */
final class SmokeSession {
  private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  private final Path home;
  private final Path work;
  private final Map<String, String> env;

  /**
   * @param home the directory whose {@code bin/} holds the launchers
   * @param work a scratch directory: the server's data, the tools' home, the outputs
   * @param env variables added to every launcher's environment
   */
  SmokeSession(Path home, Path work, Map<String, String> env) {
    this.home = home;
    this.work = work;
    this.env = new HashMap<>(env);
    // Tokens and trusted states go under ~/.immudb: keep them in the scratch directory.
    this.env.put("HOME", work.resolve("home").toString());
  }

  /** Runs {@code bin/<tool> args} from the scratch directory. */
  ProcessRun tool(String tool, String... args) throws IOException, InterruptedException {
    String[] cmd = new String[args.length + 1];
    cmd[0] = home.resolve("bin").resolve(tool).toString();
    System.arraycopy(args, 0, cmd, 1, args.length);
    return ProcessRun.run(work, env, work, TOOL_TIMEOUT, cmd);
  }

  /** Starts the server, runs the client session against it, and stops the server. */
  void run() throws IOException, InterruptedException {
    try (Server server = startServer()) {
      server.login("immuclient");
      ProcessRun set = server.tool("immuclient", "safeset", "hello", "world").succeeded();
      assertThat(set.out()).contains("value:     world").contains("verified:  true");
      ProcessRun get = server.tool("immuclient", "safeget", "hello").succeeded();
      assertThat(get.out()).contains("value:    world").contains("verified: true");
      server.login("immuadmin");
      ProcessRun status = server.tool("immuadmin", "status").succeeded();
      assertThat(status.out()).contains("status:  ok");
    }
  }

  /**
   * Starts {@code bin/immudb} on free loopback ports with its data in {@code work/data}; the tools
   * run through the returned handle reach it through their {@code IMMUCLIENT_*} and {@code
   * IMMUADMIN_*} variables.
   */
  Server startServer() throws IOException, InterruptedException {
    Files.createDirectories(work.resolve("home"));
    int port = ProcessRun.freePort();
    int metricsPort = ProcessRun.freePort();
    Path log = work.resolve("server.log");
    ProcessBuilder pb =
        ProcessRun.builder(
            work,
            env,
            home.resolve("bin/immudb").toString(),
            "--address",
            "127.0.0.1",
            "--port",
            Integer.toString(port),
            "--metrics-server-port",
            Integer.toString(metricsPort),
            "--web-server-port",
            "0",
            "--dir",
            work.resolve("data").toString());
    pb.redirectErrorStream(true).redirectOutput(log.toFile());
    Process process = pb.start();
    try {
      awaitListening(process, log, port);
    } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
      process.destroyForcibly();
      throw e;
    }
    Map<String, String> toolEnv = new HashMap<>(env);
    for (String prefix : new String[] {"IMMUCLIENT_", "IMMUADMIN_"}) {
      toolEnv.put(prefix + "IMMUDB_ADDRESS", "127.0.0.1");
      toolEnv.put(prefix + "IMMUDB_PORT", Integer.toString(port));
    }
    toolEnv.put("IMMUADMIN_METRICS_PORT", Integer.toString(metricsPort));
    return new Server(process, log, toolEnv);
  }

  /** A running {@code bin/immudb}; closing it stops it with SIGTERM and checks it exited well. */
  final class Server implements AutoCloseable {
    private final Process process;
    private final Path log;
    private final Map<String, String> toolEnv;

    private Server(Process process, Path log, Map<String, String> toolEnv) {
      this.process = process;
      this.log = log;
      this.toolEnv = toolEnv;
    }

    /** Runs {@code bin/<tool> args} against this server, with empty input. */
    ProcessRun tool(String tool, String... args) throws IOException, InterruptedException {
      return toolWithInput("", tool, args);
    }

    /** Runs {@code bin/<tool> args} against this server, with {@code stdin} as its input. */
    ProcessRun toolWithInput(String stdin, String tool, String... args)
        throws IOException, InterruptedException {
      String[] cmd = new String[args.length + 1];
      cmd[0] = home.resolve("bin").resolve(tool).toString();
      System.arraycopy(args, 0, cmd, 1, args.length);
      return ProcessRun.run(work, toolEnv, stdin, work, TOOL_TIMEOUT, cmd);
    }

    /** {@code bin/<tool> login immudb}, answering the password prompt. */
    void login(String tool) throws IOException, InterruptedException {
      ProcessRun login = toolWithInput("immudb\n", tool, "login", "immudb").succeeded();
      assertThat(login.out()).contains("logged in: immudb");
    }

    @Override
    public void close() throws IOException, InterruptedException {
      process.destroy(); // SIGTERM: the server closes its databases and exits
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("bin/immudb did not stop within 60 s of SIGTERM");
      }
      assertThat(process.exitValue())
          .as("server exit status; log:%n%s", Files.readString(log))
          .isIn(0, 143);
    }
  }

  private static void awaitListening(Process server, Path log, int port)
      throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    String wanted = "listening on 127.0.0.1:" + port;
    while (Instant.now().isBefore(deadline)) {
      if (Files.readString(log).contains(wanted)) {
        return;
      }
      if (!server.isAlive()) {
        throw new AssertionError("bin/immudb exited early:\n" + Files.readString(log));
      }
      Thread.sleep(100);
    }
    throw new AssertionError(
        "bin/immudb did not start within " + START_TIMEOUT + ":\n" + Files.readString(log));
  }
}
