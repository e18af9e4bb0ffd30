package io.immudb.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.immudb.testkit.server.ImmudbServerExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code immudb-bench soak} against a real server started in this JVM (so its pid is this
 * process's): a few seconds with one-second samples — every call answered, a sample per second with
 * the memory read, and the CSV and both charts written.
 */
class SoakIT {
  @RegisterExtension
  static final ImmudbServerExtension immudb = ImmudbServerExtension.builder().synced(false).build();

  @TempDir Path out;

  private static double field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":([-0-9.]+)").matcher(json);
    assertThat(m.find()).as("%s in %s", name, json).isTrue();
    return Double.parseDouble(m.group(1));
  }

  @Test
  void samplesThroughputAndMemoryAndWritesTheReport() throws Exception {
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    int rc =
        BenchMain.run(
            new String[] {
              "soak",
              "--port",
              Integer.toString(immudb.port()),
              "--clients",
              "4",
              "--seconds",
              "4",
              "--warmup-seconds",
              "1",
              "--sample-seconds",
              "1",
              "--pid",
              Long.toString(ProcessHandle.current().pid()),
              "--out",
              out.toString()
            },
            new PrintStream(stdout, true, StandardCharsets.UTF_8),
            new PrintStream(stderr, true, StandardCharsets.UTF_8));
    String log = stderr.toString(StandardCharsets.UTF_8);
    assertThat(rc).as(log).isZero();
    String json = stdout.toString(StandardCharsets.UTF_8).strip();
    assertThat(json).startsWith("{\"mode\":\"soak\",\"clients\":4");
    assertThat(field(json, "errors")).isZero();
    assertThat(field(json, "calls")).isPositive();
    assertThat(field(json, "samples")).isGreaterThanOrEqualTo(2);
    assertThat(field(json, "rss_max_mib")).isPositive();
    assertThat(field(json, "rss_anon_max_mib")).isPositive();
    List<String> csv = Files.readAllLines(out.resolve("soak.csv"));
    assertThat(csv.get(0))
        .isEqualTo("seconds,calls_per_s,errors_total,rss_kib,rss_anon_kib,rss_file_kib");
    assertThat(csv).hasSizeGreaterThanOrEqualTo(4);
    double answered = 0;
    for (String row : csv.subList(1, csv.size())) {
      String[] f = row.split(",");
      // The first window may see none: it starts before the clients have logged in.
      assertThat(Double.parseDouble(f[1])).as(row).isNotNegative();
      answered += Double.parseDouble(f[1]);
      assertThat(Long.parseLong(f[2])).as(row).isZero();
      assertThat(Long.parseLong(f[3])).as(row).isPositive();
      // anonymous and file-backed memory are parts of the whole
      assertThat(Long.parseLong(f[4]))
          .as(row)
          .isPositive()
          .isLessThanOrEqualTo(Long.parseLong(f[3]));
      assertThat(Long.parseLong(f[5])).as(row).isNotNegative();
    }
    assertThat(answered).isPositive();
    assertThat(Files.readString(out.resolve("throughput.svg")))
        .startsWith("<svg")
        .contains("polyline");
    assertThat(Files.readString(out.resolve("rss.svg"))).startsWith("<svg").contains("polyline");
  }
}
