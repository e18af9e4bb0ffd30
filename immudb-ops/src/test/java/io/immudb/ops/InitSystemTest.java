package io.immudb.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class InitSystemTest {
  @Test
  void theOperatingSystemChoosesTheServiceManager() {
    assertThat(InitSystem.forOs("Linux")).isEqualTo(InitSystem.SYSTEMD);
    assertThat(InitSystem.forOs("Mac OS X")).isEqualTo(InitSystem.LAUNCHD);
    assertThat(InitSystem.forOs("Darwin")).isEqualTo(InitSystem.LAUNCHD);
    assertThat(InitSystem.forOs("FreeBSD")).isEqualTo(InitSystem.RCD);
    assertThatThrownBy(() -> InitSystem.forOs("Windows 11"))
        .hasMessageContaining("bin\\immudb.cmd")
        .hasMessageContaining("WinSW or NSSM");
    assertThatThrownBy(() -> InitSystem.forOs("SunOS"))
        .hasMessage(
            "no service manager known for SunOS; choose one with --init systemd|launchd|rcd");
  }

  @Test
  void namesOnTheCommandLine() {
    assertThat(InitSystem.parse("rcd")).isEqualTo(InitSystem.RCD);
    assertThat(InitSystem.parse("LaunchD")).isEqualTo(InitSystem.LAUNCHD);
    assertThat(InitSystem.SYSTEMD).hasToString("systemd");
    assertThat(new InitSystemConverter().convert("systemd")).isEqualTo(InitSystem.SYSTEMD);
    assertThatThrownBy(() -> new InitSystemConverter().convert("upstart"))
        .isInstanceOf(TypeConversionException.class)
        .hasMessage("unknown service manager 'upstart'; choose one of systemd|launchd|rcd");
  }
}
