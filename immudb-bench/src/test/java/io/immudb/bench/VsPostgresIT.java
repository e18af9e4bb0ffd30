package io.immudb.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.abort;

import io.immudb.bench.compare.Comparison;
import io.immudb.bench.compare.MissingPrerequisiteException;
import io.immudb.bench.compare.PostgresInstall;
import io.immudb.bench.report.SvgDom;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code immudb-bench vs-postgres} for real, briefly: Debian's PostgreSQL and this checkout's
 * {@code bin/immudb} (built by this build's package phase; the pom sets {@code IMMUDB_NO_BUILD=1}),
 * clients 1 and 2, 1 s per point, no warm-up. Skipped when PostgreSQL is not installed ({@code
 * .ci/run} installs it, so CI runs it).
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class VsPostgresIT {
  @BeforeAll
  static void needsPostgres() {
    try {
      PostgresInstall.locate(null, PostgresInstall.DEBIAN_ROOT);
    } catch (MissingPrerequisiteException e) {
      abort("PostgreSQL is not installed, so vs-postgres can't run: " + e.getMessage());
    }
    if (Comparison.isRoot()) {
      try {
        FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
      } catch (UserPrincipalNotFoundException e) {
        abort("running as root and there is no postgres user to run PostgreSQL as");
      } catch (IOException e) {
        abort("can't look up the postgres user: " + e);
      }
    }
  }

  private static double field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":([-0-9.]+)").matcher(json);
    assertThat(m.find()).as("%s in %s", name, json).isTrue();
    return Double.parseDouble(m.group(1));
  }

  private static int port(String log, String what) {
    Matcher m = Pattern.compile(what + " listening on 127\\.0\\.0\\.1:(\\d+)").matcher(log);
    assertThat(m.find()).as("%s's port in the log", what).isTrue();
    return Integer.parseInt(m.group(1));
  }

  private static boolean listening(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Test
  void comparesBothSystemsAndWritesTheReport(@TempDir Path dir) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Path report = dir.resolve("report");
    long t0 = System.nanoTime();
    int rc =
        BenchMain.run(
            new String[] {
              "vs-postgres",
              "--clients",
              "1,2",
              "--seconds",
              "1",
              "--warmup-seconds",
              "0",
              "--point-warmup-seconds",
              "0",
              "--rounds",
              "2",
              "--out",
              report.toString(),
              "--server-java-opts",
              "-Xms256m -Xmx512m -XX:+UseParallelGC"
            },
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0);
    String log = err.toString(StandardCharsets.UTF_8);
    assertThat(rc).as(log).isZero();
    System.out.println("vs-postgres took " + seconds + " s");

    List<String> lines = out.toString(StandardCharsets.UTF_8).strip().lines().toList();
    assertThat(lines).as(log).hasSize(13);
    String[][] expected = {
      {"postgresql", "plain", "1"},
      {"immudb", "set", "1"},
      {"postgresql", "plain", "2"},
      {"immudb", "set", "2"},
      {"postgresql", "hash-chained", "2"},
      {"immudb", "verifiable-set", "2"},
    };
    for (int i = 0; i < 2 * expected.length; i++) {
      String l = lines.get(i);
      String[] e = expected[i % expected.length];
      assertThat(l)
          .startsWith(
              "{\"mode\":\"vs-postgres\",\"system\":\""
                  + e[0]
                  + "\",\"variant\":\""
                  + e[1]
                  + "\",\"clients\":"
                  + e[2]
                  + ",\"round\":"
                  + (i / expected.length + 1)
                  + ",\"seconds\":1,");
      assertThat(field(l, "tx_per_s")).as(l).isPositive();
      assertThat(field(l, "txs")).as(l).isPositive();
      assertThat(field(l, "errors")).as(l).isZero();
      assertThat(field(l, "p50_ms")).as(l).isPositive().isLessThanOrEqualTo(field(l, "p99_ms"));
    }
    String ratio = lines.get(12);
    assertThat(ratio).startsWith("{\"mode\":\"vs-postgres-ratio\",\"set_over_plain_c1\":");
    // each ratio is the median of the two rounds' ratios, i.e. their mean
    double tolerance = 0.006 + 0.01; // rounding of the ratio and of the tx/s it is made of
    int[][] parts = {{1, 0}, {3, 2}, {5, 2}, {5, 4}};
    String[] names = {
      "set_over_plain_c1", "set_over_plain_c2", "vset_over_plain_c2", "vset_over_chained_c2"
    };
    for (int k = 0; k < names.length; k++) {
      double mean = 0;
      for (int round = 0; round < 2; round++) {
        mean +=
            field(lines.get(6 * round + parts[k][0]), "tx_per_s")
                / field(lines.get(6 * round + parts[k][1]), "tx_per_s")
                / 2;
      }
      assertThat(field(ratio, names[k])).as(names[k]).isCloseTo(mean, within(tolerance));
    }

    String html = Files.readString(report.resolve("report.html"), StandardCharsets.UTF_8);
    assertThat(html).contains("PostgreSQL 1", "<svg ", "--clients 1,2 --seconds 1", "--rounds 2");
    String cpu =
        Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
            .filter(s -> s.startsWith("model name"))
            .map(s -> s.substring(s.indexOf(':') + 1).strip())
            .findFirst()
            .orElse("unknown");
    assertThat(html).contains(cpu);
    SvgDom t = SvgDom.parse(Files.readString(report.resolve("throughput.svg")));
    assertThat(SvgDom.elements(t.series("immudb Set"), "circle")).hasSize(2);
    assertThat(SvgDom.elements(t.series("PostgreSQL INSERT"), "circle")).hasSize(2);
    SvgDom l = SvgDom.parse(Files.readString(report.resolve("latency.svg")));
    assertThat(SvgDom.elements(l.series("PostgreSQL p99"), "circle")).hasSize(2);

    // Both servers are stopped and the work directory is gone.
    assertThat(listening(port(log, "PostgreSQL"))).as("PostgreSQL still listening").isFalse();
    assertThat(listening(port(log, "immudb"))).as("immudb still listening").isFalse();
    Matcher work = Pattern.compile(", in (/\\S+immudb-vs-pg-\\S+)").matcher(log);
    assertThat(work.find()).as(log).isTrue();
    assertThat(Path.of(work.group(1))).doesNotExist();
  }
}
