package io.immudb.bench;

import io.immudb.bench.load.JsonLine;
import io.immudb.bench.load.ServerLoadSpec;
import io.immudb.bench.load.SoakLoad;
import io.immudb.bench.load.SoakLoad.Sample;
import io.immudb.bench.report.ChartSeries;
import io.immudb.bench.report.SvgLineChart;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code immudb-bench soak}: a long mixed load against a running server ({@link SoakLoad}), with
 * the calls per second and the server's resident memory sampled over time. Writes {@code soak.csv},
 * {@code throughput.svg} and {@code rss.svg} to {@code --out}, and prints one JSON line: totals,
 * the median window rate, the lowest and highest window as a percentage of it, and the memory at
 * the first and last sample. Exits with 1 if any call failed or none succeeded.
 *
 * <p>Not thread-safe: one instance serves one invocation.
 */
@Command(
    name = "soak",
    mixinStandardHelpOptions = true,
    description =
        "Long mixed Set/Get/VerifiableSet/VerifiableGet load; throughput and server memory over"
            + " time.")
final class SoakCommand implements Callable<Integer> {
  private final PrintStream out;
  private final PrintStream err;

  @Option(names = "--address", defaultValue = "127.0.0.1", description = "Server address.")
  String address;

  @Option(names = "--port", defaultValue = "3322", description = "Server port.")
  int port;

  @Option(names = "--user", defaultValue = "immudb", description = "User to log in as.")
  String user;

  @Option(names = "--password", defaultValue = "immudb", description = "The user's password.")
  String password;

  @Option(names = "--database", defaultValue = "defaultdb", description = "Database to use.")
  String database;

  @Option(names = "--clients", defaultValue = "50", description = "Concurrent clients.")
  int clients;

  @Option(names = "--seconds", defaultValue = "1800", description = "Measured seconds.")
  int seconds;

  @Option(names = "--warmup-seconds", defaultValue = "20", description = "Unmeasured seconds.")
  int warmupSeconds;

  @Option(names = "--sample-seconds", defaultValue = "10", description = "Sample window.")
  int sampleSeconds;

  @Option(
      names = "--pid",
      description = "The server's process id, to sample its resident memory (Linux /proc).")
  Long pid;

  @Option(
      names = "--out",
      defaultValue = "target/soak-report",
      description = "Directory for soak.csv, throughput.svg and rss.svg.")
  Path outDir;

  @Option(names = "--key-len", defaultValue = "32", description = "Key length in bytes.")
  int keyLen;

  @Option(names = "--value-len", defaultValue = "64", description = "Value length in bytes.")
  int valueLen;

  SoakCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() throws IOException {
    ServerLoadSpec spec =
        new ServerLoadSpec(
            "v1",
            address,
            port,
            user,
            password,
            database,
            clients,
            0,
            1,
            false,
            seconds,
            warmupSeconds,
            keyLen,
            valueLen);
    SoakLoad.Result r =
        SoakLoad.run(
            spec, pid == null ? OptionalLong.empty() : OptionalLong.of(pid), sampleSeconds, err);
    List<Sample> measured =
        r.samples().stream().filter(s -> s.seconds() > warmupSeconds + sampleSeconds).toList();
    write(r.samples());
    JsonLine line =
        new JsonLine()
            .put("mode", "soak")
            .put("clients", clients)
            .put("seconds", seconds)
            .put("calls", r.run().txs())
            .put("errors", r.run().errors())
            .put("calls_per_s", r.run().txPerSecond(), 1)
            .put("p50_ms", r.run().latencyMicros().getValueAtPercentile(50) / 1e3, 3)
            .put("p99_ms", r.run().latencyMicros().getValueAtPercentile(99) / 1e3, 3)
            .put("samples", measured.size());
    if (!measured.isEmpty()) {
      double[] rates = measured.stream().mapToDouble(Sample::callsPerSecond).sorted().toArray();
      double median = rates[rates.length / 2];
      line.put("window_median_per_s", median, 1)
          .put("window_min_pct", 100 * rates[0] / median, 1)
          .put("window_max_pct", 100 * rates[rates.length - 1] / median, 1)
          .put("rss_first_mib", measured.get(0).rssKib() / 1024.0, 1)
          .put("rss_last_mib", measured.get(measured.size() - 1).rssKib() / 1024.0, 1)
          .put(
              "rss_max_mib",
              measured.stream().mapToLong(Sample::rssKib).max().getAsLong() / 1024.0,
              1)
          .put("rss_anon_first_mib", measured.get(0).rssAnonKib() / 1024.0, 1)
          .put("rss_anon_last_mib", measured.get(measured.size() - 1).rssAnonKib() / 1024.0, 1)
          .put(
              "rss_anon_max_mib",
              measured.stream().mapToLong(Sample::rssAnonKib).max().getAsLong() / 1024.0,
              1)
          .put("rss_file_last_mib", measured.get(measured.size() - 1).rssFileKib() / 1024.0, 1);
    }
    out.println(line);
    err.println("soak: report in " + outDir.toAbsolutePath());
    if (r.run().failed() || r.run().errors() > 0) {
      err.println("immudb-bench: soak: " + r.run().errors() + " calls failed");
      return 1;
    }
    return 0;
  }

  private void write(List<Sample> samples) throws IOException {
    Files.createDirectories(outDir);
    StringBuilder csv =
        new StringBuilder("seconds,calls_per_s,errors_total,rss_kib,rss_anon_kib,rss_file_kib\n");
    for (Sample s : samples) {
      csv.append(
          String.format(
              Locale.ROOT,
              "%.1f,%.1f,%d,%d,%d,%d%n",
              s.seconds(),
              s.callsPerSecond(),
              s.errors(),
              s.rssKib(),
              s.rssAnonKib(),
              s.rssFileKib()));
    }
    Files.writeString(outDir.resolve("soak.csv"), csv, StandardCharsets.UTF_8);
    if (samples.isEmpty()) {
      return;
    }
    List<ChartSeries.Point> rate =
        samples.stream().map(s -> new ChartSeries.Point(s.seconds(), s.callsPerSecond())).toList();
    Files.writeString(
        outDir.resolve("throughput.svg"),
        SvgLineChart.overTime(
                "Soak: calls answered per second",
                "seconds",
                "calls/s",
                List.of(new ChartSeries("immudb", "#e8710a", false, false, rate)))
            .svg(),
        StandardCharsets.UTF_8);
    List<ChartSeries.Point> rss = mib(samples, Sample::rssKib);
    if (!rss.isEmpty()) {
      Files.writeString(
          outDir.resolve("rss.svg"),
          SvgLineChart.overTime(
                  "Soak: server resident memory",
                  "seconds",
                  "RSS, MiB",
                  List.of(
                      new ChartSeries("all (VmRSS)", "#e8710a", false, false, rss),
                      new ChartSeries(
                          "anonymous: heap and native (RssAnon)",
                          "#1a73e8",
                          false,
                          false,
                          mib(samples, Sample::rssAnonKib)),
                      new ChartSeries(
                          "mapped files: the logs (RssFile)",
                          "#5f6368",
                          true,
                          false,
                          mib(samples, Sample::rssFileKib))))
              .svg(),
          StandardCharsets.UTF_8);
    }
  }

  private static List<ChartSeries.Point> mib(
      List<Sample> samples, java.util.function.ToLongFunction<Sample> kib) {
    return samples.stream()
        .filter(s -> kib.applyAsLong(s) >= 0)
        .map(s -> new ChartSeries.Point(s.seconds(), kib.applyAsLong(s) / 1024.0))
        .toList();
  }
}
