package io.immudb.bench.compare;

import io.immudb.bench.load.ServerLoad;
import io.immudb.bench.load.ServerLoadSpec;
import io.immudb.bench.load.ServerResult;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The side-by-side benchmark: a fresh PostgreSQL ({@link PostgresServer}, driven by {@link
 * Pgbench}) and a fresh immudb server ({@link ImmudbServerProcess}, driven in this process by
 * {@link ServerLoad}) on the same machine, in one run, so that their ratio means something even
 * when the machine's speed drifts between days.
 *
 * <p>Sequence: start both servers in a temporary directory on free loopback ports; load our server
 * unmeasured for {@code warmupSeconds} (JIT); then, for each client count, PostgreSQL's plain
 * {@code INSERT} and our {@code Set}, alternating; then at the largest count PostgreSQL's
 * hash-chained {@code INSERT} and our {@code VerifiableSet}; all of that {@code rounds} times.
 * Every write is one 32-byte key and a 64-byte value, durable when acknowledged on both sides. Both
 * servers are stopped and the directory deleted at the end, on failure, and on Ctrl-C (a shutdown
 * hook).
 *
 * <p>Not thread-safe: {@link #run} is called from one thread.
 */
public final class Comparison {
  /** Clients of our server's warm-up, as in the team's earlier script. */
  static final int WARMUP_CLIENTS = 10;

  static final int KEY_LEN = 32;
  static final int VALUE_LEN = 64;

  private final ComparisonSpec spec;
  private final PrintStream log;
  private final Consumer<Measurement> onMeasured;
  private final List<Measurement> measured = new ArrayList<>();
  private Cleanup cleanup;
  private ImmudbServerProcess immudb;
  private int immudbPort;

  private Comparison(ComparisonSpec spec, PrintStream log, Consumer<Measurement> onMeasured) {
    this.spec = spec;
    this.log = log;
    this.onMeasured = onMeasured;
  }

  /**
   * Runs the comparison, printing progress to {@code log} and handing each point to {@code
   * onMeasured} as soon as it is measured.
   *
   * @throws MissingPrerequisiteException if PostgreSQL or {@code bin/immudb} is missing
   * @throws IllegalStateException if a server fails to start or a point fails
   * @throws StoppedException if the JVM was told to stop (the shutdown hook cleaned up)
   */
  public static ComparisonResult run(
      ComparisonSpec spec, PrintStream log, Consumer<Measurement> onMeasured) throws IOException {
    return new Comparison(spec, log, onMeasured).run();
  }

  private ComparisonResult run() throws IOException {
    PostgresInstall pg = PostgresInstall.locate(spec.pgBin(), PostgresInstall.DEBIAN_ROOT);
    Path launcher = ImmudbServerProcess.locateLauncher(spec.immudb(), Path.of(""), codeLocation());
    String runAs = isRoot() ? spec.pgUser() : null;
    Path work = Files.createTempDirectory("immudb-vs-pg-");
    cleanup = new Cleanup(log);
    cleanup.add(() -> deleteTree(work));
    Thread hook =
        new Thread(
            () -> {
              log.println("vs-postgres: stopping the servers");
              cleanup.close();
            },
            "vs-postgres-cleanup");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      if (runAs != null) {
        // PostgreSQL runs as runAs and must reach its directory inside this one.
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwx--x--x"));
      }
      Machine machine = Machine.describe(pg.version(work));
      int[] ports = freePorts(3);
      log.printf(
          "vs-postgres: %s from %s%s, in %s%n",
          machine.postgres(), pg.bin(), runAs == null ? "" : " as user " + runAs, work);
      PostgresServer server =
          cleanup.add(
              PostgresServer.start(
                  pg,
                  work.resolve("pg"),
                  runAs,
                  ports[0],
                  Math.max(300, spec.maxClients() + 10),
                  log));
      log.println("vs-postgres: PostgreSQL listening on 127.0.0.1:" + server.port());
      immudbPort = ports[1];
      immudb =
          cleanup.add(
              ImmudbServerProcess.start(
                  launcher,
                  work.resolve("immudb-data"),
                  immudbPort,
                  ports[2],
                  spec.serverJavaOpts(),
                  work.resolve("immudb.log"),
                  300,
                  log));
      log.println(
          "vs-postgres: immudb listening on 127.0.0.1:"
              + immudbPort
              + " (pid "
              + immudb.pid()
              + ")");
      if (spec.warmupSeconds() > 0) {
        log.printf(
            "vs-postgres: warming immudb up: %d clients, %d s%n",
            WARMUP_CLIENTS, spec.warmupSeconds());
        ServerLoad.run(load(WARMUP_CLIENTS, false, spec.warmupSeconds(), 0), log);
      }
      Pgbench pgbench =
          new Pgbench(pg, server, work, Runtime.getRuntime().availableProcessors(), log);
      int max = spec.maxClients();
      for (int round = 1; round <= spec.rounds(); round++) {
        if (spec.rounds() > 1) {
          log.printf("vs-postgres: round %d of %d%n", round, spec.rounds());
        }
        for (int c : spec.clients()) {
          add(
              pgbench
                  .run(Measurement.PLAIN, c, spec.seconds(), spec.pointWarmupSeconds())
                  .inRound(round));
          add(ours(c, false).inRound(round));
        }
        add(
            pgbench
                .run(Measurement.HASH_CHAINED, max, spec.seconds(), spec.pointWarmupSeconds())
                .inRound(round));
        add(ours(max, true).inRound(round));
      }
      return new ComparisonResult(spec, machine, measured, Ratios.of(spec.clients(), measured));
    } finally {
      cleanup.close();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // the JVM is shutting down: the hook runs (or ran) the same, idempotent cleanup
      }
    }
  }

  private void add(Measurement m) {
    if (cleanup.closed()) {
      // Stopped (Ctrl-C) during the point: its figures are of a server going away.
      throw new StoppedException();
    }
    measured.add(m);
    onMeasured.accept(m);
  }

  private Measurement ours(int clients, boolean verified) {
    ServerResult r =
        ServerLoad.run(load(clients, verified, spec.seconds(), spec.pointWarmupSeconds()), log);
    if (r.failed()) {
      throw new IllegalStateException(
          "no "
              + (verified ? "VerifiableSet" : "Set")
              + " call succeeded with "
              + clients
              + " clients; the server's log ends with:\n"
              + immudb.logTail());
    }
    return new Measurement(
        Measurement.IMMUDB,
        verified ? Measurement.VERIFIABLE_SET : Measurement.SET,
        clients,
        spec.seconds(),
        r.txPerSecond(),
        r.latencyMicros().getValueAtPercentile(50) / 1e3,
        r.latencyMicros().getValueAtPercentile(99) / 1e3,
        r.txs(),
        r.errors(),
        1);
  }

  private ServerLoadSpec load(int clients, boolean verified, int seconds, int warmupSeconds) {
    return new ServerLoadSpec(
        "v1",
        "127.0.0.1",
        immudbPort,
        "immudb",
        "immudb",
        "defaultdb",
        clients,
        0,
        1,
        verified,
        seconds,
        warmupSeconds,
        KEY_LEN,
        VALUE_LEN);
  }

  /** {@code n} distinct free TCP ports on 127.0.0.1 (free now; nothing holds them afterwards). */
  static int[] freePorts(int n) throws IOException {
    List<ServerSocket> open = new ArrayList<>();
    try {
      int[] ports = new int[n];
      for (int i = 0; i < n; i++) {
        ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        open.add(s);
        ports[i] = s.getLocalPort();
      }
      return ports;
    } finally {
      for (ServerSocket s : open) {
        s.close();
      }
    }
  }

  /** Whether this process runs as root (uid 0), which PostgreSQL refuses to run as. */
  public static boolean isRoot() {
    try {
      return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return "root".equals(System.getProperty("user.name"));
    }
  }

  private static Path codeLocation() {
    try {
      return Path.of(Comparison.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException | RuntimeException e) {
      return null;
    }
  }

  /** The run was stopped (Ctrl-C, SIGTERM) and the servers with it; nothing more is measured. */
  public static final class StoppedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StoppedException() {
      super("stopped; both servers were stopped and the work directory deleted");
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
