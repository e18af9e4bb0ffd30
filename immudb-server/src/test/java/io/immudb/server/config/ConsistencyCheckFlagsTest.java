package io.immudb.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code --consistency-check*} flags and their {@code IMMUDB_CONSISTENCY_CHECK*} variables. */
class ConsistencyCheckFlagsTest {
  @Test
  void defaults() {
    ServerConfig c = ServerCommand.parse(new String[0], Map.of());
    assertThat(c.consistencyCheck()).isTrue();
    assertThat(c.consistencyCheckInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(c.consistencyCheckTxs()).isEqualTo(2000);
    assertThat(c.consistencyCheckSamples()).isEqualTo(16);
  }

  @Test
  void flags() {
    ServerConfig c =
        ServerCommand.parse(
            new String[] {
              "--consistency-check=false",
              "--consistency-check-interval",
              "500ms",
              "--consistency-check-txs",
              "10",
              "--consistency-check-samples",
              "0"
            },
            Map.of());
    assertThat(c.consistencyCheck()).isFalse();
    assertThat(c.consistencyCheckInterval()).isEqualTo(Duration.ofMillis(500));
    assertThat(c.consistencyCheckTxs()).isEqualTo(10);
    assertThat(c.consistencyCheckSamples()).isZero();
    assertThat(
            ServerCommand.parse(new String[] {"--consistency-check"}, Map.of()).consistencyCheck())
        .isTrue();
  }

  @Test
  void environment() {
    Map<String, String> env =
        Map.of(
            "IMMUDB_CONSISTENCY_CHECK", "false",
            "IMMUDB_CONSISTENCY_CHECK_INTERVAL", "1m",
            "IMMUDB_CONSISTENCY_CHECK_TXS", "7",
            "IMMUDB_CONSISTENCY_CHECK_SAMPLES", "3");
    ServerConfig c = ServerCommand.parse(new String[0], env);
    assertThat(c.consistencyCheck()).isFalse();
    assertThat(c.consistencyCheckInterval()).isEqualTo(Duration.ofMinutes(1));
    assertThat(c.consistencyCheckTxs()).isEqualTo(7);
    assertThat(c.consistencyCheckSamples()).isEqualTo(3);
    assertThat(
            ServerCommand.parse(new String[] {"--consistency-check=true"}, env).consistencyCheck())
        .isTrue();
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
  }
}
