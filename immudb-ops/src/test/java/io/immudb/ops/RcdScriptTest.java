package io.immudb.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RcdScriptTest {
  @Test
  void rendersImmudbsScriptAsTheGoldenFile() {
    GoldenFiles.assertMatches(
        RcdScript.render(ServiceFixtures.immudbLike(InitSystem.RCD)), "rc.d/immudb");
  }

  @Test
  void theScriptRunsTheCommandUnderDaemonWithTheSupervisorsPidFile() {
    String script =
        RcdScript.render(
            SystemdUnitTest.def(
                List.of("/opt/svc/bin/svc", "--config", "/etc/svc.toml"), Map.of()));
    assertThat(script)
        .startsWith("#!/bin/sh\n")
        .contains("name=\"svc\"\nrcvar=\"svc_enable\"\n")
        .contains("desc='a 100% test service'\n")
        .contains(": \"${svc_user:=svcuser}\"\n")
        .contains(": \"${svc_env:=}\"\n")
        .contains("pidfile=\"/var/run/svc/svc.pid\"\n")
        .contains(
            "command_args=\"-f -t ${name} -R 5 -P ${pidfile} -o /var/log/svc/console.log"
                + " /opt/svc/bin/svc --config /etc/svc.toml\"\n")
        .endsWith("run_rc_command \"$1\"\n");
    assertThat(RcdScript.pidFile(SystemdUnitTest.def(List.of("/bin/x"), Map.of())))
        .isEqualTo(Path.of("/var/run/svc/svc.pid"));
  }

  @Test
  void wordsTheTwoShellsWouldSplitOrExpandAreRefused() {
    assertThatThrownBy(() -> RcdScript.render(SystemdUnitTest.def(List.of("/my dir/x"), Map.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'/my dir/x'");
    assertThatThrownBy(
            () -> RcdScript.render(SystemdUnitTest.def(List.of("/bin/x"), Map.of("A", "$HOME"))))
        .hasMessageContaining("'$HOME'");
    assertThat(RcdScript.plain("/usr/local/openjdk17")).isEqualTo("/usr/local/openjdk17");
    assertThat(RcdScript.singleQuoted("it's")).isEqualTo("'it'\\''s'");
  }

  @Test
  void aNameThatIsNoShellVariableIsRefused() {
    ServiceDefinition audit =
        new ServiceDefinition(
            "immuclient-audit",
            "d",
            "u",
            List.of("/bin/x"),
            Map.of(),
            Path.of("/var/db/a"),
            Path.of("/etc/a"),
            "",
            List.of(Path.of("/var/db/a")),
            Path.of("/var/db/a/console.log"),
            1);
    assertThatThrownBy(() -> RcdScript.render(audit))
        .hasMessageContaining("shell variable name")
        .hasMessageContaining("immuclient-audit");
  }
}
