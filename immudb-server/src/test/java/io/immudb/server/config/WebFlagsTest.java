package io.immudb.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code --web-server}, {@code --web-server-port}: defaults, variables, and port clashes. */
class WebFlagsTest {
  @Test
  void defaultsServeTheRestApiOn8080() {
    WebOptions w = ServerCommand.parse(new String[0], Map.of()).web();
    assertThat(w.server()).isTrue();
    assertThat(w.port()).isEqualTo(8080);
  }

  @Test
  void environmentSetsThemAndFlagsWin() {
    Map<String, String> env =
        Map.of("IMMUDB_WEB_SERVER", "false", "IMMUDB_WEB_SERVER_PORT", "9090");
    assertThat(ServerCommand.parse(new String[0], env).web())
        .isEqualTo(new WebOptions(false, 9090));
    assertThat(
            ServerCommand.parse(new String[] {"--web-server", "--web-server-port", "0"}, env).web())
        .isEqualTo(new WebOptions(true, 0));
  }

  @Test
  void itsPortMustBeAPortOfItsOwn() {
    assertThatThrownBy(
            () -> ServerCommand.parse(new String[] {"--web-server-port", "70000"}, Map.of()))
        .hasMessageContaining("web-server-port must be between 0 and 65535, got 70000");
    assertThatThrownBy(
            () ->
                ServerCommand.parse(
                    new String[] {"--port", "5000", "--web-server-port", "5000"}, Map.of()))
        .hasMessageContaining("web-server-port must differ from port, both are 5000");
    assertThatThrownBy(
            () -> ServerCommand.parse(new String[] {"--web-server-port", "9497"}, Map.of()))
        .hasMessageContaining("web-server-port must differ from metrics-server-port");
    assertThat(
            ServerCommand.parse(
                    new String[] {
                      "--port", "5000", "--web-server-port", "5000", "--web-server=false"
                    },
                    Map.of())
                .web()
                .server())
        .isFalse();
  }
}
