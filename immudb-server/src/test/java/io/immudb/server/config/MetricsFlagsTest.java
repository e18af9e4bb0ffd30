package io.immudb.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The metrics server's flags, their defaults and their IMMUDB_* variables. */
class MetricsFlagsTest {
  @Test
  void defaultsServeMetricsOn9497WithHistograms() {
    ServerConfig c = ServerCommand.parse(new String[0], Map.of());
    assertThat(c.metrics().server()).isTrue();
    assertThat(c.metrics().port()).isEqualTo(9497);
    assertThat(c.metrics().noHistograms()).isFalse();
  }

  @Test
  void flagsSetThem() {
    ServerConfig c =
        ServerCommand.parse(
            new String[] {
              "--metrics-server=false", "--metrics-server-port", "9600", "--no-histograms"
            },
            Map.of());
    assertThat(c.metrics().server()).isFalse();
    assertThat(c.metrics().port()).isEqualTo(9600);
    assertThat(c.metrics().noHistograms()).isTrue();
  }

  @Test
  void environmentSetsThemAndFlagsWin() {
    Map<String, String> env =
        Map.of(
            "IMMUDB_METRICS_SERVER", "false",
            "IMMUDB_METRICS_SERVER_PORT", "9700",
            "IMMUDB_NO_HISTOGRAMS", "true");
    ServerConfig c = ServerCommand.parse(new String[0], env);
    assertThat(c.metrics().server()).isFalse();
    assertThat(c.metrics().port()).isEqualTo(9700);
    assertThat(c.metrics().noHistograms()).isTrue();
    ServerConfig f = ServerCommand.parse(new String[] {"--metrics-server-port", "9701"}, env);
    assertThat(f.metrics().port()).isEqualTo(9701);
  }

  @Test
  void badPortsAreRefusedNamingTheFlag() {
    assertThatThrownBy(
            () -> ServerCommand.parse(new String[] {"--metrics-server-port", "65536"}, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage("metrics-server-port must be between 0 and 65535, got 65536");
    assertThatThrownBy(
            () ->
                ServerCommand.parse(
                    new String[] {"--port", "5000", "--metrics-server-port", "5000"}, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage("metrics-server-port must differ from port, both are 5000");
    // With the metrics server off, its port does not matter.
    assertThat(
            ServerCommand.parse(
                    new String[] {
                      "--port", "5000", "--metrics-server-port", "5000", "--metrics-server=false"
                    },
                    Map.of())
                .metrics()
                .server())
        .isFalse();
  }

  @Test
  void helpListsTheFlags() {
    assertThat(ServerCommand.usage(Map.of()))
        .contains("--metrics-server", "--metrics-server-port", "default: 9497", "--no-histograms");
  }

  @Test
  void theBuilderLeavesTheMetricsServerOff() {
    assertThat(ServerConfig.builder().build().metrics().server()).isFalse();
    assertThat(ServerConfig.builder().build().metrics().port()).isEqualTo(9497);
  }

  @Test
  void versionIsThePicocliVersion() {
    assertThat(ServerCommand.version()).startsWith("immudb ");
  }
}
