package io.immudb.bench.compare;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The PostgreSQL side of a point: {@code pgbench} running single-row {@code INSERT}s, each its own
 * transaction (autocommit), from {@code clients} connections for {@code seconds}. Each row is a
 * 32-byte key and a 64-byte value derived from a random number, as immudb's side writes 32 + 64
 * bytes per entry. Throughput is pgbench's own {@code tps} (without the connection time); the
 * latencies come from its per-transaction log ({@link PgbenchLog}).
 *
 * <p>pgbench runs {@code min(clients, cores)} threads ({@code -j}): more would only compete with
 * the server for the cores. A point's warm-up is an unlogged pgbench run of the same shape first.
 *
 * <p>Not thread-safe: one point at a time.
 */
final class Pgbench {
  private final PostgresInstall install;
  private final PostgresServer server;
  private final Path dir;
  private final int cores;
  private final PrintStream log;

  Pgbench(PostgresInstall install, PostgresServer server, Path dir, int cores, PrintStream log) {
    this.install = install;
    this.server = server;
    this.dir = dir;
    this.cores = cores;
    this.log = log;
  }

  /** The pgbench script that inserts one row into {@code table}. */
  static String script(String table) {
    return """
        \\set r random(1, 1000000000)
        INSERT INTO %s(k, v) VALUES (decode(lpad(:r::text, 32, '0'), 'escape'), \
        decode(md5(:r::text) || md5(:r::text) || md5(:r::text) || md5(:r::text), 'hex'));
        """
        .formatted(table);
  }

  /** The table a variant writes to. */
  static String table(String variant) {
    return switch (variant) {
      case Measurement.PLAIN -> "audit";
      case Measurement.HASH_CHAINED -> "audit2";
      default -> throw new IllegalArgumentException("not a PostgreSQL variant: " + variant);
    };
  }

  /** pgbench's {@code -j}: one thread per core, and no more threads than clients. */
  int jobs(int clients) {
    return Math.max(1, Math.min(clients, cores));
  }

  /**
   * Runs the point: {@code warmupSeconds} unmeasured (if > 0), then {@code seconds} measured.
   *
   * @throws IllegalStateException if pgbench fails
   */
  Measurement run(String variant, int clients, int seconds, int warmupSeconds) throws IOException {
    Path script = dir.resolve(table(variant) + ".sql");
    if (!Files.exists(script)) {
      Files.writeString(script, script(table(variant)), StandardCharsets.UTF_8);
    }
    if (warmupSeconds > 0) {
      log.printf(
          Locale.ROOT, "pgbench %s: %d clients, %d s warm-up%n", variant, clients, warmupSeconds);
      ExternalCommand.check(
          command(script, clients, warmupSeconds, false), dir, timeout(warmupSeconds));
    }
    Path runDir = Files.createDirectories(dir.resolve("pgbench-" + variant + "-c" + clients));
    log.printf(Locale.ROOT, "pgbench %s: %d clients, %d s%n", variant, clients, seconds);
    String out =
        ExternalCommand.check(command(script, clients, seconds, true), runDir, timeout(seconds));
    PgbenchSummary summary = PgbenchSummary.parse(out);
    List<Path> logs;
    try (Stream<Path> s = Files.list(runDir)) {
      logs = s.filter(p -> p.getFileName().toString().startsWith("pgbench.")).sorted().toList();
    }
    if (logs.isEmpty()) {
      throw new IllegalStateException("pgbench wrote no per-transaction log in " + runDir);
    }
    PgbenchLog latencies = PgbenchLog.read(logs);
    for (Path p : logs) {
      Files.delete(p);
    }
    Files.delete(runDir);
    return new Measurement(
        Measurement.POSTGRESQL,
        variant,
        clients,
        seconds,
        summary.tps(),
        latencies.percentileMicros(50) / 1e3,
        latencies.percentileMicros(99) / 1e3,
        summary.processed(),
        summary.failed(),
        1);
  }

  private List<String> command(Path script, int clients, int seconds, boolean logged) {
    List<String> cmd = new ArrayList<>();
    cmd.add(install.tool("pgbench").toString());
    cmd.addAll(server.connection());
    cmd.addAll(
        List.of(
            "-n", // no vacuum of pgbench's own tables: there are none
            "-c",
            Integer.toString(clients),
            "-j",
            Integer.toString(jobs(clients)),
            "-T",
            Integer.toString(seconds),
            "-f",
            script.toString()));
    if (logged) {
      cmd.addAll(List.of("--log", "--log-prefix=pgbench"));
    }
    cmd.add("postgres");
    return cmd;
  }

  /** A run's deadline: its seconds plus time to connect and finish. */
  private static long timeout(int seconds) {
    return seconds + 120L;
  }
}
