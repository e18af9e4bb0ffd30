package io.immudb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.immudb.testkit.server.ImmudbServerExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * immuclient and immuadmin run in this JVM against a real server, printing through their {@link
 * Console}: results on its output, the server's warnings and the one-line errors on its error
 * stream.
 */
class ConsoleIT {
  @TempDir Path tmp;

  @RegisterExtension final ImmudbServerExtension immudb = ImmudbServerExtension.builder().build();

  /** {@code tool args…} against the server, with its token and states under {@code tmp}. */
  private ConsoleRun run(String tool, String... args) {
    String[] all = new String[args.length + 8];
    String[] connect = {
      "-a",
      "127.0.0.1",
      "-p",
      Integer.toString(immudb.port()),
      "--tokenfile",
      tmp.resolve(tool + "-token").toString(),
      "--roots-filepath",
      tmp.resolve("roots").toString()
    };
    System.arraycopy(connect, 0, all, 0, connect.length);
    System.arraycopy(args, 0, all, connect.length, args.length);
    return tool.equals("immuclient") ? ConsoleRun.immuclient(all) : ConsoleRun.immuadmin(all);
  }

  @Test
  void commandsPrintResultsToOutAndWarningsAndErrorsToErr() {
    ConsoleRun login = run("immuclient", "login", "immudb", "--password", "immudb");
    assertThat(login.status()).as(login.err()).isZero();
    assertThat(login.out()).containsPattern("logged in:\\s+immudb");
    assertThat(login.err()).startsWith("warning: ").contains("default password");

    ConsoleRun set = run("immuclient", "safeset", "hello", "world");
    assertThat(set.status()).as(set.err()).isZero();
    assertThat(set.out()).containsPattern("key:\\s+hello").containsPattern("verified:\\s+true");
    assertThat(set.err()).isEmpty();

    ConsoleRun get = run("immuclient", "safeget", "hello", "--output", "json");
    assertThat(get.status()).as(get.err()).isZero();
    assertThat(get.out()).startsWith("{\"tx\":2,\"key\":\"hello\",\"value\":\"world\"");
    assertThat(get.err()).isEmpty();

    ConsoleRun missing = run("immuclient", "get", "nope");
    assertThat(missing.status()).isEqualTo(Tools.ERROR);
    assertThat(missing.out()).isEmpty();
    assertThat(missing.err()).startsWith("immuclient: ").contains("NOT_FOUND");

    assertThat(run("immuadmin", "login", "--password", "immudb").status()).isZero();
    ConsoleRun dbs = run("immuadmin", "database", "list");
    assertThat(dbs.status()).as(dbs.err()).isZero();
    assertThat(dbs.out()).containsPattern("database:\\s+defaultdb");
    assertThat(dbs.err()).isEmpty();
  }
}
