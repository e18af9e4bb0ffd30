package io.immudb.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DetachedStartTest {
  @Test
  void theChildGetsTheSameArgumentsWithoutDetach() {
    assertThat(DetachedStart.withoutDetach(new String[] {"-d", "--port", "4000"}))
        .containsExactly("--port", "4000");
    assertThat(DetachedStart.withoutDetach(new String[] {"--dir", "x", "--detached", "true"}))
        .containsExactly("--dir", "x");
    assertThat(DetachedStart.withoutDetach(new String[] {"--detached=true", "--auth", "false"}))
        .containsExactly("--auth", "false");
    assertThat(DetachedStart.withoutDetach(new String[] {"-d", "--devmode"}))
        .containsExactly("--devmode");
  }

  @Test
  void theChildCommandRunsThisMainClass() {
    List<String> cmd = DetachedStart.childCommand(new String[] {"-d", "--port", "1"});
    assertThat(cmd.get(0)).endsWith("/bin/java");
    assertThat(cmd).contains("-cp", ImmudbMain.class.getName());
    assertThat(cmd.subList(cmd.size() - 2, cmd.size())).containsExactly("--port", "1");
  }

  @Test
  void wildcardAddressesAreProbedOnLoopback() {
    assertThat(DetachedStart.probeHost("0.0.0.0")).isEqualTo("127.0.0.1");
    assertThat(DetachedStart.probeHost("::")).isEqualTo("::1");
    assertThat(DetachedStart.probeHost("10.1.2.3")).isEqualTo("10.1.2.3");
  }
}
