package io.immudb.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.immudb.testkit.server.ImmudbServerExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code immudb-bench sql} against a real server started in this JVM: a one-second-per-phase smoke
 * run (not a measurement). Every phase must succeed without errors: in particular every point
 * SELECT and every Get finds what the earlier phases wrote.
 */
class SqlBenchIT {
  @RegisterExtension
  static final ImmudbServerExtension immudb = ImmudbServerExtension.builder().synced(false).build();

  private static double field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":([-0-9.]+)").matcher(json);
    assertThat(m.find()).as("%s in %s", name, json).isTrue();
    return Double.parseDouble(m.group(1));
  }

  @Test
  void measuresInsertBesideSetAndSelectBesideGet() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int rc =
        BenchMain.run(
            new String[] {
              "sql",
              "--port",
              Integer.toString(immudb.port()),
              "--clients",
              "3",
              "--seconds",
              "1",
              "--warmup-seconds",
              "0"
            },
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    String log = err.toString(StandardCharsets.UTF_8);
    assertThat(rc).as(log).isZero();
    String json = out.toString(StandardCharsets.UTF_8).strip();
    assertThat(json).startsWith("{\"mode\":\"sql\",\"clients\":3");
    for (String phase : new String[] {"set", "insert", "get", "select"}) {
      assertThat(field(json, phase + "_per_s")).as(phase).isPositive();
      assertThat(field(json, phase + "_errors")).as(phase + " errors in " + log).isZero();
    }
    assertThat(field(json, "insert_to_set")).isPositive();
    assertThat(field(json, "select_to_get")).isPositive();
  }
}
