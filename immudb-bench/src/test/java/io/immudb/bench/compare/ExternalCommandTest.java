package io.immudb.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExternalCommandTest {
  @Test
  void capturesOutputAndStatus(@TempDir Path dir) {
    ExternalCommand.Result r =
        ExternalCommand.run(List.of("sh", "-c", "echo out; echo err >&2; pwd; exit 3"), dir, 30);
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.output()).contains("out\n", "err\n", dir.toString());
    assertThatThrownBy(
            () -> ExternalCommand.check(List.of("sh", "-c", "echo boom; exit 1"), dir, 30))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("status 1")
        .hasMessageContaining("boom");
  }

  @Test
  void aMissingProgramIsAClearError(@TempDir Path dir) {
    assertThatThrownBy(() -> ExternalCommand.run(List.of("/no/such/program"), dir, 30))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("/no/such/program");
  }

  @Test
  void asAnotherUserQuotesEveryArgumentForTheShell() {
    assertThat(ExternalCommand.as(null, List.of("a", "b c"))).containsExactly("a", "b c");
    assertThat(ExternalCommand.as("postgres", List.of("/bin/pg_ctl", "-D", "/tmp/it's here")))
        .containsExactly(
            "su", "-s", "/bin/sh", "-c", "'/bin/pg_ctl' '-D' '/tmp/it'\\''s here'", "postgres");
  }

  @Test
  void quotedWordsSurviveTheShell(@TempDir Path dir) {
    String tricky = "it's $HOME \"x\" `y` \\z";
    String word = ExternalCommand.shellQuote(tricky);
    ExternalCommand.Result r =
        ExternalCommand.run(List.of("sh", "-c", "printf %s " + word), dir, 30);
    assertThat(r.output()).isEqualTo(tricky);
  }
}
