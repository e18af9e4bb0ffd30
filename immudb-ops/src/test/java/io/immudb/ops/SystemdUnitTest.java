package io.immudb.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SystemdUnitTest {
  static ServiceDefinition def(List<String> exec, Map<String, String> env) {
    return new ServiceDefinition(
        "svc",
        "a 100% test service",
        "svcuser",
        exec,
        env,
        Path.of("/var/lib/svc"),
        Path.of("/etc/svc/svc.toml"),
        "x = 1\n",
        List.of(Path.of("/var/lib/svc"), Path.of("/var/log/svc")),
        Path.of("/var/log/svc/console.log"),
        1024);
  }

  @Test
  void rendersImmudbsUnitAsTheGoldenFile() {
    GoldenFiles.assertMatches(
        SystemdUnit.render(ServiceFixtures.immudbLike(InitSystem.SYSTEMD)), "immudb.service");
  }

  @Test
  void rendersAServiceUnit() {
    String unit =
        SystemdUnit.render(
            def(List.of("/opt/svc/bin/svc", "--config", "/etc/svc/svc.toml"), Map.of("A", "b c")));
    assertThat(unit)
        .contains("[Unit]\nDescription=a 100%% test service\n")
        .contains("[Service]\n")
        .contains("User=svcuser\nGroup=svcuser\n")
        .contains("Environment=\"A=b c\"\n")
        .contains("WorkingDirectory=/var/lib/svc\n")
        .contains("ExecStart=/opt/svc/bin/svc --config /etc/svc/svc.toml\n")
        .contains("Restart=on-failure\n")
        .contains("SuccessExitStatus=143\n")
        .contains("LimitNOFILE=1024\n")
        .contains("[Install]\nWantedBy=multi-user.target\n");
  }

  @Test
  void quotesWordsSystemdWouldSplitOrExpand() {
    assertThat(SystemdUnit.quote("/plain/path")).isEqualTo("/plain/path");
    assertThat(SystemdUnit.quote("/my dir/x")).isEqualTo("\"/my dir/x\"");
    assertThat(SystemdUnit.quote("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
    assertThat(SystemdUnit.quote("50%")).isEqualTo("50%%");
    assertThat(SystemdUnit.quote("$HOME")).isEqualTo("$$HOME");
    assertThat(SystemdUnit.quote("")).isEqualTo("\"\"");
  }

  @Test
  void definitionsAreValidated() {
    assertThatThrownBy(() -> def(List.of("relative/bin"), Map.of()))
        .hasMessageContaining("absolute program path");
    assertThatThrownBy(() -> def(List.of("/bin/x"), Map.of("BAD KEY", "v")))
        .hasMessageContaining("BAD KEY");
    assertThatThrownBy(
            () ->
                new ServiceDefinition(
                    "bad name",
                    "d",
                    "u",
                    List.of("/bin/x"),
                    Map.of(),
                    Path.of("/"),
                    Path.of("/etc/x"),
                    "",
                    List.of(Path.of("/var/lib/x")),
                    Path.of("/var/lib/x/console.log"),
                    1))
        .hasMessageContaining("service name");
  }
}
