package io.immudb.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class BuildInfoTest {
  @Test
  void theBuildFilledInVersionAndTime() {
    BuildInfo b = BuildInfo.current();
    assertThat(b.version()).matches("\\d+\\.\\d+\\.\\d+.*");
    assertThat(b.apiVersion()).isEqualTo("1.1.0");
    assertThat(b.buildTime()).matches("\\d{4}-\\d\\d-\\d\\dT.*");
    assertThat(b.commit()).doesNotContain("${");
  }

  @Test
  void unfilledValuesAreUnknown() {
    Properties p = new Properties();
    p.setProperty("version", "1.2.3");
    p.setProperty("commit", "${git.commit.id.abbrev}");
    p.setProperty("dirty", "${git.dirty}");
    p.setProperty("build.time", "");
    BuildInfo b = BuildInfo.from(p);
    assertThat(b).isEqualTo(new BuildInfo("1.2.3", "unknown", "unknown", "unknown"));
  }

  @Test
  void aDirtyTreeIsMarked() {
    Properties p = new Properties();
    p.setProperty("commit", "0123456789ab");
    p.setProperty("dirty", "true");
    assertThat(BuildInfo.from(p).commit()).isEqualTo("0123456789ab-dirty");
    p.setProperty("dirty", "false");
    assertThat(BuildInfo.from(p).commit()).isEqualTo("0123456789ab");
  }

  @Test
  void linesStartWithTheToolAndVersion() {
    BuildInfo b = new BuildInfo("0.1.0", "1.1.0", "abc", "2025-01-01T00:00:00Z");
    assertThat(b.lines("immuadmin"))
        .containsExactly(
            "immuadmin 0.1.0",
            "Protocol : immudb 1.1.0",
            "Commit   : abc",
            "Built at : 2025-01-01T00:00:00Z",
            "Java     : " + BuildInfo.java());
  }
}
