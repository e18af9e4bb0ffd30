package io.immudb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tools print only through their {@link Console}: results, picocli's help and usage errors, the
 * one-line error reports and {@code --debug} stack traces, each on the stream it belongs to. Runs
 * immuclient and immuadmin in this JVM, with no server.
 */
class ConsoleTest {
  @TempDir Path tmp;

  @Test
  void versionGoesToOut() {
    ConsoleRun r = ConsoleRun.immuclient("version");
    assertThat(r.status()).isZero();
    assertThat(r.out()).startsWith("immuclient ").contains("Protocol : immudb ");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void helpAndTheBareCommandPrintUsageToOut() {
    ConsoleRun help = ConsoleRun.immuadmin("--help");
    assertThat(help.status()).isZero();
    assertThat(help.out()).startsWith("Usage: immuadmin").contains("Exit status: 0 success");
    assertThat(help.err()).isEmpty();

    ConsoleRun bare = ConsoleRun.immuadmin();
    assertThat(bare.status()).isZero();
    assertThat(bare.out()).isEqualTo(help.out());
    assertThat(bare.err()).isEmpty();

    ConsoleRun subcommand = ConsoleRun.immuclient("help", "safeget");
    assertThat(subcommand.status()).isZero();
    assertThat(subcommand.out()).startsWith("Usage: immuclient safeget");
  }

  @Test
  void aUsageErrorGoesToErrWithStatus2() {
    ConsoleRun r = ConsoleRun.immuclient("get");
    assertThat(r.status()).isEqualTo(Tools.USAGE);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .startsWith("Missing required parameter: 'KEY'")
        .contains("Usage: immuclient get");
  }

  @Test
  void aFailedCommandPrintsOneLineToErrAndItsStackTraceWithDebug() throws Exception {
    Path empty = Files.createDirectories(tmp.resolve("data"));
    ConsoleRun r = ConsoleRun.immuadmin("verify", empty.toString());
    assertThat(r.status()).isEqualTo(Tools.ERROR);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("immuadmin: " + empty + " holds no databases\n");

    ConsoleRun debug = ConsoleRun.immuadmin("verify", empty.toString(), "--debug");
    assertThat(debug.status()).isEqualTo(Tools.ERROR);
    assertThat(debug.out()).isEmpty();
    assertThat(debug.err())
        .startsWith("immuadmin: " + empty + " holds no databases\n")
        .contains("java.lang.IllegalArgumentException", "at io.immudb.cli.Immuadmin.verify");
  }

  @Test
  void thePublicEntryPointPrintsThroughTheGivenConsole() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Console console =
        new Console(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(Immuadmin.run(new String[] {"version"}, Map.of(), console)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("immuadmin ");
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
  }
}
