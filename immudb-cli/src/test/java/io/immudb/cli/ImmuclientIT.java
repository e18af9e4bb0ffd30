package io.immudb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.immudb.testkit.server.ImmudbServerExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The real {@code bin/immuclient} (child processes) against a real server on a loopback port. */
class ImmuclientIT {

  @TempDir Path tmp;

  @RegisterExtension final ImmudbServerExtension immudb = ImmudbServerExtension.builder().build();

  private ToolRun run(String... args) throws Exception {
    return runWithInput(null, args);
  }

  private ToolRun runWithInput(String stdin, String... args) throws Exception {
    ProcessBuilder pb = ToolRun.launcher("immuclient", List.of(args));
    ToolRun.connect(pb, "immuclient", immudb.port(), tmp.resolve("token"), tmp.resolve("roots"));
    return ToolRun.run(pb, tmp, stdin, Duration.ofSeconds(60));
  }

  @Test
  void aSessionOfCommands() throws Exception {
    ToolRun login = runWithInput("immudb\n", "login", "immudb");
    assertThat(login.status()).as(login.err()).isZero();
    assertThat(login.out()).contains("logged in: immudb");
    assertThat(login.err()).contains("default password");
    assertThat(Files.getPosixFilePermissions(tmp.resolve("token")))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    ToolRun safeset = run("safeset", "hello", "world");
    assertThat(safeset.out()).contains("tx:", " 2\n", "key:", "hello", "verified:", "true");
    ToolRun safeget = run("safeget", "hello");
    assertThat(safeget.out())
        .containsPattern("value:\\s+world")
        .containsPattern("verified:\\s+true");
    assertThat(run("get", "hello", "--value-only").out()).isEqualTo("world\n");
    assertThat(run("set", "hello", "again", "--output", "json").out())
        .startsWith("{\"tx\":3,\"key\":\"hello\",\"value\":\"again\"");
    assertThat(run("history", "hello").out())
        .containsPattern("value:\\s+world")
        .containsPattern("value:\\s+again");
    assertThat(run("safereference", "ref", "hello").status()).isZero();
    assertThat(run("safeget", "ref").out())
        .containsPattern("value:\\s+again")
        .contains("referenced by");
    assertThat(run("safezadd", "scores", "1.5", "hello").status()).isZero();
    assertThat(run("zscan", "scores").out()).containsPattern("score:\\s+1.5");
    assertThat(run("scan", "he").out()).containsPattern("key:\\s+hello");
    assertThat(run("tx", "2").out()).containsPattern("keys:\\s+\\[hello\\]");
    assertThat(run("getByIndex", "2").status()).isZero();
    assertThat(run("safetx", "3").out()).containsPattern("verified:\\s+true");
    assertThat(run("iscan", "1", "--limit", "2").out()).containsPattern("tx:\\s+2");
    ToolRun current = run("current");
    assertThat(current.out()).containsPattern("database:\\s+defaultdb");
    String hash = current.out().replaceAll("(?s).*hash:\\s+([0-9a-f]{64}).*", "$1");
    String tx = current.out().replaceAll("(?s).*\\ntx:\\s+(\\d+).*", "$1");
    assertThat(run("check-consistency", tx, hash).out()).containsPattern("consistent:\\s+true");
    assertThat(run("inclusion", "2").status()).isZero();
    assertThat(run("status").out()).containsPattern("status:\\s+ok");
    assertThat(run("set", "--encoding", "hex", "00ff", "0102").status()).isZero();
    assertThat(run("get", "--encoding", "hex", "00ff", "--value-only").out()).isEqualTo("0102\n");
    assertThat(run("version").out()).startsWith("immuclient ");

    ToolRun missing = run("get", "nope");
    assertThat(missing.status()).isEqualTo(1);
    assertThat(missing.err()).isEqualTo("immuclient: key not found (NOT_FOUND)\n");

    assertThat(run("logout").status()).isZero();
    assertThat(Files.exists(tmp.resolve("token"))).isFalse();
    ToolRun after = run("get", "hello");
    assertThat(after.status()).isEqualTo(1);
    assertThat(after.err()).contains("UNAUTHENTICATED");
  }

  @Test
  void theInteractiveShellRunsCommandsFromItsInput() throws Exception {
    ToolRun shell =
        runWithInput(
            String.join(
                "\n",
                "login immudb --password immudb",
                "safeset greeting \"hello there\"",
                "safeget greeting --value-only",
                "get missing",
                "it",
                "exit",
                "get greeting"),
            "it");
    assertThat(shell.status()).as(shell.err()).isZero();
    assertThat(shell.out())
        .contains("interactive shell")
        .containsPattern("verified:\\s+true")
        .contains("hello there\n")
        .contains("already in the shell");
    assertThat(shell.err()).contains("immuclient: key not found (NOT_FOUND)");
    // The session outlives the shell.
    assertThat(run("get", "greeting", "--value-only").out()).isEqualTo("hello there\n");
  }

  @Test
  void aWrongPasswordAPermissionRefusalAndATamperedStateFail() throws Exception {
    ToolRun wrong = run("login", "immudb", "--password", "nope");
    assertThat(wrong.status()).isEqualTo(1);
    assertThat(wrong.err()).contains("invalid user name or password");

    assertThat(run("login", "immudb", "--password", "immudb").status()).isZero();
    assertThat(run("safeset", "k", "v").status()).isZero();

    try (io.immudb.client.ImmuClient admin =
        io.immudb.client.ImmuClient.builder().address("127.0.0.1").port(immudb.port()).build()) {
      admin.login("immudb", "immudb");
      admin.createUser("reader", "Read3r!pass", io.immudb.client.Permission.READ, "defaultdb");
    }
    assertThat(run("login", "reader", "--password", "Read3r!pass").status()).isZero();
    assertThat(run("get", "k", "--value-only").out()).isEqualTo("v\n");
    ToolRun refused = run("set", "k", "w");
    assertThat(refused.status()).isEqualTo(1);
    assertThat(refused.err()).contains("PERMISSION_DENIED");
    assertThat(run("login", "immudb", "--password", "immudb").status()).isZero();

    Path state =
        tmp.resolve("roots").resolve(immudb.server().identifier()).resolve("defaultdb.state");
    String text = Files.readString(state);
    String h = text.replaceAll("(?s).*txHash=([0-9a-f]{64}).*", "$1");
    Files.writeString(state, text.replace(h, (h.charAt(0) == '0' ? "1" : "0") + h.substring(1)));
    ToolRun tampered = run("safeget", "k");
    assertThat(tampered.status()).isEqualTo(3);
    assertThat(tampered.err()).contains("verification failed").contains("trusted state");
    assertThat(Files.readString(state)).isNotEqualTo(text);
  }
}
