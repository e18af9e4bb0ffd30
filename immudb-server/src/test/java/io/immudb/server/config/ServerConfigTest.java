package io.immudb.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ServerConfig.Builder}: the command's defaults plus overrides by key. */
class ServerConfigTest {
  @TempDir Path tmp;

  @Test
  void theBuilderHasTheCommandsDefaultsWithTheMetricsAndWebServersOff() {
    ServerConfig built = ServerConfig.builder().build();
    ServerConfig parsed =
        ServerCommand.parse(
            new String[] {"--metrics-server=false", "--web-server=false"}, Map.of());
    assertThat(built).usingRecursiveComparison().isEqualTo(parsed);
    assertThat(built.metrics().server()).isFalse();
    assertThat(built.web().server()).isFalse();
    assertThat(ServerConfig.builder().set("metrics-server", true).build().metrics().server())
        .isTrue();
    assertThat(ServerConfig.builder().set("web-server", true).build().web().server()).isTrue();
    assertThat(ServerCommand.parse(new String[0], Map.of()).web())
        .isEqualTo(new WebOptions(true, 8080));
    assertThat(
            ServerCommand.parse(new String[0], Map.of("IMMUDB_WEB_SERVER_PORT", "0")).web().port())
        .isZero();
    assertThat(ServerCommand.parse(new String[0], Map.of("IMMUDB_WEB_SERVER", "false")).web())
        .isEqualTo(new WebOptions(false, 8080));
  }

  @Test
  void valuesAreConvertedAsOnTheCommandLineAndKeysSpelledAsInTheFile() {
    ServerConfig c =
        ServerConfig.builder()
            .set("dir", tmp)
            .set("PORT", 0)
            .set("max_recv_msg_size", 1024)
            .set("synced", false)
            .set("token-expiry", Duration.ofMinutes(90))
            .set("consistency-check-interval", "500ms")
            .set("logformat", LogFormat.JSON)
            .build();
    assertThat(c.storage().dir()).isEqualTo(tmp);
    assertThat(c.network().port()).isZero();
    assertThat(c.network().maxRecvMsgSize()).isEqualTo(1024);
    assertThat(c.storage().synced()).isFalse();
    assertThat(c.security().tokenExpiry()).isEqualTo(Duration.ofMinutes(90));
    assertThat(c.consistencyCheck().get().interval()).isEqualTo(Duration.ofMillis(500));
    assertThat(c.process().logFormat()).isEqualTo(LogFormat.JSON);
  }

  @Test
  void nullRestoresTheDefaultAndTheLastValueWins() {
    ServerConfig c =
        ServerConfig.builder().set("port", 1).set("port", null).set("address", "::1").build();
    assertThat(c.network().port()).isEqualTo(3322);
    assertThat(ServerConfig.builder().set("port", 1).set("Port", 2).build().network().port())
        .isEqualTo(2);
  }

  @Test
  void badKeysAndValuesAreRefused() {
    assertThatThrownBy(() -> ServerConfig.builder().set("prot", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown server option 'prot'; the keys are: dir, address, port");
    assertThatThrownBy(() -> ServerConfig.builder().set("port", "x").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid value for option '--port': 'x' is not an int");
    assertThatThrownBy(() -> ServerConfig.builder().set("port", 70000).build())
        .isInstanceOf(ConfigException.class)
        .hasMessage("port must be between 0 and 65535, got 70000");
  }

  @Test
  void toStringLeavesThePasswordOut() {
    String s = ServerConfig.builder().set("admin-password", "S3cret!x").build().toString();
    assertThat(s).contains("port=3322", "tokenExpiry=PT24H").doesNotContain("S3cret!x");
  }
}
