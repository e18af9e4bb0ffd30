package io.immudb.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

class ConfigKeysTest {
  private final ConfigKeys keys =
      ConfigKeys.of(new CommandLine(new SampleCommand()).getCommandSpec());

  @Test
  void keysAreTheLongNamesOfTheCommandsOwnOptions() {
    assertThat(keys.keys())
        .containsExactly(
            "port",
            "auth",
            "max-recv-msg-size",
            "signingKey",
            "token-expiry",
            "monitoring-port",
            "immudb-address")
        .doesNotContain("config", "help", "version", "limit", "prometheus-port");
  }

  @Test
  void variablesAreThePrefixAndTheKeyInUpperCase() {
    var spec = new CommandLine(new SampleCommand()).getCommandSpec();
    assertThat(ConfigKeys.variableOf("IMMUDB_", spec.findOption("--max-recv-msg-size")))
        .isEqualTo("IMMUDB_MAX_RECV_MSG_SIZE");
    assertThat(ConfigKeys.variableOf("IMMUDB_", spec.findOption("--signingKey")))
        .isEqualTo("IMMUDB_SIGNINGKEY");
    assertThat(ConfigKeys.variableOf("IMMUCLIENT_", spec.findOption("-p")))
        .isEqualTo("IMMUCLIENT_PORT");
    assertThat(ConfigKeys.variablesOf("IMMUCLIENT_", spec.findOption("--monitoring-port")))
        .containsExactly("IMMUCLIENT_MONITORING_PORT", "IMMUCLIENT_PROMETHEUS_PORT");
  }

  @Test
  void keysMatchIgnoringCaseDashesAndUnderscores() {
    for (String k :
        new String[] {
          "max-recv-msg-size", "max_recv_msg_size", "maxrecvmsgsize", "MAX_RECV_MSG_SIZE"
        }) {
      assertThat(keys.find(k))
          .get()
          .extracting(o -> o.longestName())
          .isEqualTo("--max-recv-msg-size");
    }
    assertThat(keys.find("signingkey")).isPresent();
    assertThat(keys.find("signing-key")).isPresent();
    assertThat(keys.find("prometheus_port"))
        .get()
        .extracting(o -> o.longestName())
        .isEqualTo("--monitoring-port"); // an alias
    assertThat(keys.find("prot")).isEmpty();
    assertThat(keys.find("config")).isEmpty();
  }

  @Command(name = "clash")
  static class Clash {
    @Option(names = "--no-sync")
    boolean a;

    @Option(names = "--nosync")
    boolean b;
  }

  @Test
  void twoOptionsWithTheSameKeyAreAProgrammingError() {
    assertThatThrownBy(() -> ConfigKeys.of(new CommandLine(new Clash()).getCommandSpec()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("--no-sync")
        .hasMessageContaining("--nosync");
  }
}
