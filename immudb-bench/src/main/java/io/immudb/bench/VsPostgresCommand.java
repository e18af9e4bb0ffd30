package io.immudb.bench;

import io.immudb.bench.compare.Comparison;
import io.immudb.bench.compare.ComparisonReport;
import io.immudb.bench.compare.ComparisonResult;
import io.immudb.bench.compare.ComparisonSpec;
import io.immudb.bench.compare.Measurement;
import io.immudb.bench.compare.MissingPrerequisiteException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code immudb-bench vs-postgres}: our server and PostgreSQL side by side in one run; see {@link
 * Comparison}. Prints one JSON line per point as it is measured and then the ratio line on the
 * output stream, progress and a summary table on the error stream, and writes the report ({@link
 * ComparisonReport}) to {@code --out}.
 *
 * <p>Not thread-safe: one instance serves one invocation.
 */
@Command(
    name = "vs-postgres",
    mixinStandardHelpOptions = true,
    description =
        "Durable single-entry writes, this server (bin/immudb) vs PostgreSQL (pgbench), "
            + "side by side in one run; prints the ratios and writes an HTML/SVG report.")
final class VsPostgresCommand implements Callable<Integer> {
  private final PrintStream out;
  private final PrintStream err;

  @Option(
      names = "--clients",
      split = ",",
      defaultValue = "1,10,100",
      description = "Client counts, comma-separated (default ${DEFAULT-VALUE}).")
  List<Integer> clients;

  @Option(names = "--seconds", defaultValue = "10", description = "Measured seconds per point.")
  int seconds;

  @Option(
      names = "--warmup-seconds",
      defaultValue = "20",
      description = "Unmeasured load on our server before the first point (JIT warm-up).")
  int warmupSeconds;

  @Option(
      names = "--point-warmup-seconds",
      defaultValue = "3",
      description = "Unmeasured seconds before each point, both systems.")
  int pointWarmupSeconds;

  @Option(
      names = "--rounds",
      defaultValue = "1",
      description =
          "Measure every point this many times, round after round; each ratio is the median of"
              + " the rounds' ratios (default ${DEFAULT-VALUE}).")
  int rounds;

  @Option(
      names = "--out",
      defaultValue = "target/bench-report",
      description = "Report directory (report.html, throughput.svg, latency.svg).")
  Path outDir;

  @Option(
      names = "--pg-bin",
      description = "PostgreSQL's bin directory (default: newest /usr/lib/postgresql/*/bin).")
  Path pgBin;

  @Option(
      names = "--pg-user",
      defaultValue = "postgres",
      description = "OS user to run PostgreSQL as when running as root.")
  String pgUser;

  @Option(
      names = "--immudb",
      description = "Our server's launcher (default: bin/immudb of the checkout).")
  Path immudb;

  @Option(
      names = "--server-java-opts",
      description = "JVM options of our server (IMMUDB_JAVA_OPTS; default: the launcher's).")
  String serverJavaOpts;

  VsPostgresCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() throws IOException {
    ComparisonSpec spec =
        new ComparisonSpec(
            clients,
            seconds,
            warmupSeconds,
            pointWarmupSeconds,
            rounds,
            pgBin,
            pgUser,
            immudb,
            serverJavaOpts);
    ComparisonResult r;
    try {
      r = Comparison.run(spec, err, m -> out.println(m.toJson()));
    } catch (MissingPrerequisiteException e) {
      err.println("immudb-bench: vs-postgres: " + e.getMessage());
      return 1;
    } catch (Comparison.StoppedException e) {
      err.println("immudb-bench: vs-postgres: " + e.getMessage());
      return 130;
    }
    out.println(r.ratios().toJson());
    List<Path> files = ComparisonReport.write(r, outDir);
    summary(r);
    for (Path f : files) {
      err.println("vs-postgres: wrote " + f.toAbsolutePath());
    }
    return 0;
  }

  /** The figures and ratios as a plain-text table on the error stream. */
  private void summary(ComparisonResult r) {
    err.println();
    err.printf(
        Locale.ROOT,
        "%-11s %-15s %7s %10s %9s %9s%n",
        "system",
        "write",
        "clients",
        "tx/s",
        "p50 ms",
        "p99 ms");
    for (Measurement m : r.measurements()) {
      err.printf(
          Locale.ROOT,
          "%-11s %-15s %7d %10.0f %9.2f %9.2f%n",
          m.system(),
          m.variant(),
          m.clients(),
          m.txPerSecond(),
          m.p50Ms(),
          m.p99Ms());
    }
    err.println();
    for (Map.Entry<String, Double> e : r.ratios().labelled()) {
      err.printf(Locale.ROOT, "%-50s %6.2f%n", e.getKey(), e.getValue());
    }
    err.println();
  }
}
