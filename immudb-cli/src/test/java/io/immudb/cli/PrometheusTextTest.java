package io.immudb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.immudb.cli.PrometheusText.Sample;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {
  @Test
  void readsSamplesLabelsAndSpecialValues() {
    String text =
        String.join(
            "\n",
            "# HELP immudb_uptime_hours Hours since the server started.",
            "# TYPE immudb_uptime_hours gauge",
            "immudb_uptime_hours 0.5",
            "",
            "immudb_db_size_bytes{db=\"defaultdb\"} 6.7193602E7",
            "x{a=\"q\\\"uote\",b=\"back\\\\slash\",c=\"new\\nline\",} 1 1700000000000",
            "h_bucket{le=\"+Inf\"} +Inf",
            "n{ a = \"1\" } NaN",
            "neg -Inf",
            "# EOF");
    List<Sample> s = PrometheusText.parse(text);
    assertThat(s).hasSize(6);
    assertThat(s.get(0)).isEqualTo(new Sample("immudb_uptime_hours", Map.of(), 0.5));
    assertThat(s.get(1).label("db")).isEqualTo("defaultdb");
    assertThat(s.get(1).value()).isEqualTo(67193602.0);
    assertThat(s.get(2).labels())
        .containsExactly(
            Map.entry("a", "q\"uote"), Map.entry("b", "back\\slash"), Map.entry("c", "new\nline"));
    assertThat(s.get(2).value()).isEqualTo(1.0);
    assertThat(s.get(3).value()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(s.get(4).label("a")).isEqualTo("1");
    assertThat(s.get(4).value()).isNaN();
    assertThat(s.get(5).value()).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(s.get(5).label("missing")).isEmpty();
  }

  @Test
  void malformedLinesAreRefusedWithTheirNumber() {
    assertThatThrownBy(() -> PrometheusText.parse("ok 1\nbad{a=\"1\" 2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("bad metrics line 2: ");
    assertThatThrownBy(() -> PrometheusText.parse("x{a=\"open} 1"))
        .hasMessageContaining("unterminated label value");
    assertThatThrownBy(() -> PrometheusText.parse("x 1.0d")).hasMessageContaining("bad value 1.0d");
    assertThatThrownBy(() -> PrometheusText.parse("x")).hasMessageContaining("expected a value");
    assertThatThrownBy(() -> PrometheusText.parse("x 1 2 3"))
        .hasMessageContaining("expected a value");
    assertThatThrownBy(() -> PrometheusText.parse("{a=\"1\"} 1"))
        .hasMessageContaining("missing metric name");
    assertThatThrownBy(() -> PrometheusText.parse("x{=\"1\"} 1"))
        .hasMessageContaining("missing label name");
  }

  @Test
  void statsSummarizeTheImmudbMetrics() {
    String text =
        String.join(
            "\n",
            "immudb_uptime_hours 2.5",
            "immudb_loaded_databases 2",
            "immudb_active_sessions 1",
            "immudb_number_of_stored_entries{db=\"defaultdb\"} 3",
            "immudb_last_committed_trx_id{db=\"defaultdb\"} 5",
            "immudb_last_indexed_trx_id{db=\"defaultdb\"} 4",
            "immudb_db_size_bytes{db=\"defaultdb\"} 1024",
            "immudb_last_committed_trx_id{db=\"sales\"} 1",
            "immudb_number_of_rpcs_per_client{ip=\"10.0.0.1\"} 12",
            "immudb_clients_last_message_at_unix_seconds{ip=\"10.0.0.1\"} 1.7e9",
            "jvm_threads_current 20");
    ServerStats s = ServerStats.of(PrometheusText.parse(text));
    assertThat(s.uptimeHours()).hasValue(2.5);
    assertThat(s.loadedDatabases()).hasValue(2);
    assertThat(s.activeSessions()).hasValue(1);
    assertThat(s.databases())
        .containsExactly(
            new ServerStats.Db("defaultdb", 3, 5, 4, 1024),
            new ServerStats.Db("sales", 0, 1, 0, 0));
    assertThat(s.clients()).containsExactly(new ServerStats.Client("10.0.0.1", 12, 1.7e9));
    assertThat(s.isEmpty()).isFalse();
    assertThat(ServerStats.of(PrometheusText.parse("jvm_threads_current 20")).isEmpty()).isTrue();
  }

  @Test
  void humanUnits() {
    assertThat(StatsCommand.bytes(0)).isEqualTo("0 B");
    assertThat(StatsCommand.bytes(1023)).isEqualTo("1023 B");
    assertThat(StatsCommand.bytes(1536)).isEqualTo("1.5 KiB");
    assertThat(StatsCommand.bytes(67193602)).isEqualTo("64.1 MiB");
    assertThat(StatsCommand.bytes(Long.MAX_VALUE)).isEqualTo("8.0 EiB");
    assertThat(StatsCommand.duration(0)).isEqualTo("0s");
    assertThat(StatsCommand.duration(59)).isEqualTo("59s");
    assertThat(StatsCommand.duration(3600)).isEqualTo("1h0m0s");
    assertThat(StatsCommand.duration(90061)).isEqualTo("1d1h1m1s");
    assertThat(StatsCommand.metricsUri("::1", 9497, false).toString())
        .isEqualTo("http://[::1]:9497/metrics");
    assertThat(StatsCommand.metricsUri("db.example", 9, true).toString())
        .isEqualTo("https://db.example:9/metrics");
  }
}
