package io.immudb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.immudb.testkit.server.ImmudbServerExtension;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code immuadmin backup / dump / restore / database flush}: the real tools (child processes)
 * against a real server; a restored database has the original's state, a damaged file restores
 * nothing.
 */
class BackupRestoreIT {

  @TempDir Path tmp;

  @RegisterExtension final ImmudbServerExtension immudb = ImmudbServerExtension.builder().build();

  private ToolRun run(String tool, int port, String... args) throws Exception {
    ProcessBuilder pb = ToolRun.launcher(tool, List.of(args)).directory(tmp.toFile());
    ToolRun.connect(pb, tool, port, tmp.resolve(tool + "-token"), tmp.resolve("roots"));
    return ToolRun.run(pb, tmp, null, Duration.ofSeconds(120));
  }

  private static String field(String out, String name) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + ":\\s+(\\S+)").matcher(out);
    assertThat(m.find()).as(name + " in\n" + out).isTrue();
    return m.group(1);
  }

  @Test
  void backupThenRestoreGivesTheSameStateAndADamagedFileRestoresNothing() throws Exception {
    int port = immudb.port();
    assertThat(run("immuadmin", port, "login", "--password", "immudb").status()).isZero();
    assertThat(run("immuclient", port, "login", "--password", "immudb").status()).isZero();
    for (int i = 0; i < 5; i++) {
      assertThat(run("immuclient", port, "set", "key" + i, "value-" + i).status()).isZero();
    }
    assertThat(run("immuclient", port, "reference", "ref", "key2").status()).isZero();
    assertThat(run("immuclient", port, "zadd", "scores", "7", "key3").status()).isZero();
    ToolRun print = run("immuadmin", port, "print");
    String tx = field(print.out(), "tx");
    String hash = field(print.out(), "hash");

    ToolRun backup = run("immuadmin", port, "backup", "--file", "db.backup");
    assertThat(backup.status()).as(backup.err()).isZero();
    assertThat(backup.out()).containsPattern("verified:\\s+true");
    assertThat(field(backup.out(), "tx")).isEqualTo(tx);
    assertThat(field(backup.out(), "hash")).isEqualTo(hash);
    ToolRun again = run("immuadmin", port, "backup", "--file", "db.backup");
    assertThat(again.status()).isEqualTo(1);
    assertThat(again.err()).contains("db.backup exists");

    ToolRun restore = run("immuadmin", port, "restore", "db.backup", "copy");
    assertThat(restore.status()).as(restore.err()).isZero();
    assertThat(field(restore.out(), "restored")).isEqualTo("copy");
    assertThat(field(restore.out(), "tx")).isEqualTo(tx);
    assertThat(field(restore.out(), "hash")).isEqualTo(hash);
    // the restored database answers verified reads with the original's state
    assertThat(run("immuclient", port, "use", "copy").status()).isZero();
    ToolRun safeget = run("immuclient", port, "safeget", "ref");
    assertThat(safeget.out()).containsPattern("value:\\s+value-2").contains("verified");
    ToolRun current = run("immuclient", port, "current");
    assertThat(field(current.out(), "tx")).isEqualTo(tx);
    assertThat(field(current.out(), "hash")).isEqualTo(hash);
    assertThat(run("immuadmin", port, "database", "use", "copy").status()).isZero();
    assertThat(run("immuadmin", port, "database", "flush").out())
        .containsPattern("flushed:\\s+copy");

    // dump of defaultdb (by name), restored under another name
    ToolRun dump = run("immuadmin", port, "dump", "defaultdb", "--file", "db.jsonl");
    assertThat(dump.status()).as(dump.err()).isZero();
    List<String> lines = Files.readAllLines(tmp.resolve("db.jsonl"));
    assertThat(lines.get(0)).contains("\"format\":\"immudb-dump\"");
    assertThat(lines).hasSize(Integer.parseInt(tx) + 2);
    ToolRun fromDump = run("immuadmin", port, "restore", "db.jsonl", "fromdump");
    assertThat(fromDump.status()).as(fromDump.err()).isZero();
    assertThat(field(fromDump.out(), "hash")).isEqualTo(hash);

    // one flipped byte in a value: nothing is restored, exit 3
    byte[] content = Files.readAllBytes(tmp.resolve("db.backup"));
    int at = new String(content, StandardCharsets.ISO_8859_1).indexOf("value-4");
    assertThat(at).isPositive();
    Path damaged = tmp.resolve("damaged.backup");
    Files.write(damaged, content);
    try (RandomAccessFile f = new RandomAccessFile(damaged.toFile(), "rw")) {
      f.seek(at);
      f.write('V');
    }
    ToolRun refused = run("immuadmin", port, "restore", "damaged.backup", "broken");
    assertThat(refused.status()).isEqualTo(3);
    assertThat(refused.err())
        .contains("fails verification, nothing was restored")
        .contains("checksum of the tx record does not match");
    // a consistent forgery (value and record checksum redone) is caught by the hash chain
    Path forged = tmp.resolve("forged.jsonl");
    List<String> forgedLines = new ArrayList<>(lines);
    int last = forgedLines.size() - 2;
    String b64 =
        java.util.Base64.getEncoder()
            .encodeToString(("\0" + "value-X").getBytes(StandardCharsets.ISO_8859_1));
    forgedLines.set(
        last,
        forgedLines.get(last).replaceFirst("\"value\":\"[^\"]*\"", "\"value\":\"" + b64 + "\""));
    Files.write(forged, forgedLines);
    ToolRun chain = run("immuadmin", port, "restore", "forged.jsonl", "broken");
    assertThat(chain.status()).isEqualTo(3);
    assertThat(chain.err()).contains("verification failed").contains("entries hash to eH");
    Files.write(tmp.resolve("t.backup"), java.util.Arrays.copyOf(content, content.length - 40));
    ToolRun cut = run("immuadmin", port, "restore", "t.backup", "broken");
    assertThat(cut.status()).isEqualTo(3);
    assertThat(cut.err()).contains("truncated");
    assertThat(run("immuadmin", port, "database", "list").out())
        .doesNotContain("broken")
        .containsPattern("database:\\s+copy")
        .containsPattern("database:\\s+fromdump");
  }
}
