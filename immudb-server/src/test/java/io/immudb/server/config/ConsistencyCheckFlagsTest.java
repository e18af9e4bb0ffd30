package io.immudb.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.immudb.server.consistency.ConsistencyCheckOptions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code --consistency-check*} flags and their {@code IMMUDB_CONSISTENCY_CHECK*} variables. */
class ConsistencyCheckFlagsTest {
  @Test
  void defaults() {
    ServerConfig c = ServerCommand.parse(new String[0], Map.of());
    assertThat(c.consistencyCheck())
        .contains(
            new ConsistencyCheckOptions(
                Duration.ofSeconds(5), 2000, 16, ConsistencyCheckOptions.DEFAULT_BYTES_PER_ROUND));
  }

  @Test
  void flags() {
    String[] tuning = {
      "--consistency-check-interval", "500ms",
      "--consistency-check-txs", "10",
      "--consistency-check-samples", "0"
    };
    ServerConfig c = ServerCommand.parse(tuning, Map.of());
    assertThat(c.consistencyCheck())
        .hasValueSatisfying(o -> assertThat(o.interval()).isEqualTo(Duration.ofMillis(500)));
    assertThat(c.consistencyCheck().get().txsPerRound()).isEqualTo(10);
    assertThat(c.consistencyCheck().get().samplesPerRound()).isZero();
    String[] off = {"--consistency-check=false", tuning[0], tuning[1]};
    assertThat(ServerCommand.parse(off, Map.of()).consistencyCheck()).isEmpty();
    assertThat(
            ServerCommand.parse(new String[] {"--consistency-check"}, Map.of()).consistencyCheck())
        .isPresent();
  }

  @Test
  void environment() {
    Map<String, String> env =
        Map.of(
            "IMMUDB_CONSISTENCY_CHECK_INTERVAL", "1m",
            "IMMUDB_CONSISTENCY_CHECK_TXS", "7",
            "IMMUDB_CONSISTENCY_CHECK_SAMPLES", "3");
    ServerConfig c = ServerCommand.parse(new String[0], env);
    assertThat(c.consistencyCheck())
        .hasValueSatisfying(o -> assertThat(o.interval()).isEqualTo(Duration.ofMinutes(1)));
    assertThat(c.consistencyCheck().get().txsPerRound()).isEqualTo(7);
    assertThat(c.consistencyCheck().get().samplesPerRound()).isEqualTo(3);
    Map<String, String> off = new java.util.HashMap<>(env);
    off.put("IMMUDB_CONSISTENCY_CHECK", "false");
    assertThat(ServerCommand.parse(new String[0], off).consistencyCheck()).isEmpty();
    assertThat(
            ServerCommand.parse(new String[] {"--consistency-check=true"}, off).consistencyCheck())
        .isPresent();
  }

  @Test
  void helpAndValidation() {
    String help = ServerCommand.usage(Map.of()).replaceAll("\\s+", " ");
    assertThat(help)
        .contains("--consistency-check", "re-verify stored data in the background")
        .contains("--consistency-check-interval", "default: 5s")
        .contains("--consistency-check-txs", "default: 2000")
        .contains("--consistency-check-samples", "default: 16");
    assertThatThrownBy(
            () ->
                ServerCommand.parse(new String[] {"--consistency-check-interval", "0s"}, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("consistency-check-interval must be > 0");
    assertThatThrownBy(
            () -> ServerCommand.parse(new String[] {"--consistency-check-txs", "0"}, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("consistency-check-txs must be > 0");
    assertThatThrownBy(
            () -> ServerCommand.parse(new String[] {"--consistency-check-samples", "-1"}, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("consistency-check-samples must be >= 0");
    // Checked even when the checker is off.
    assertThatThrownBy(
            () ->
                ServerCommand.parse(
                    new String[] {"--consistency-check=false", "--consistency-check-txs", "0"},
                    Map.of()))
        .isInstanceOfSatisfying(
            ConfigException.class, e -> assertThat(e.setting()).isEqualTo("consistency-check-txs"))
        .hasMessage("consistency-check-txs must be > 0, got 0");
  }
}
