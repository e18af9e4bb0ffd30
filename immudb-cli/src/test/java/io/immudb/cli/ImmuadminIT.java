package io.immudb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.immudb.server.ImmudbServer;
import io.immudb.testkit.server.ImmudbServerExtension;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The real {@code bin/immuadmin} (child processes) against a real server on a loopback port. */
class ImmuadminIT {

  @TempDir Path tmp;

  @RegisterExtension
  final ImmudbServerExtension immudb = ImmudbServerExtension.builder().synced(true).build();

  private ToolRun run(String tool, int port, String... args) throws Exception {
    ProcessBuilder pb = ToolRun.launcher(tool, List.of(args));
    ToolRun.connect(pb, tool, port, tmp.resolve(tool + "-token"), tmp.resolve("roots"));
    return ToolRun.run(pb, tmp, null, Duration.ofSeconds(60));
  }

  @Test
  void usersDatabasesAndState() throws Exception {
    int port = immudb.port();
    assertThat(run("immuadmin", port, "login", "immudb", "--password", "immudb").status()).isZero();
    assertThat(run("immuadmin", port, "status").out()).containsPattern("status:\\s+ok");
    assertThat(
            run("immuadmin", port, "user", "create", "bob", "readwrite", "--password", "B0b!passwd")
                .status())
        .isZero();
    assertThat(run("immuadmin", port, "database", "create", "sales").status()).isZero();
    assertThat(run("immuadmin", port, "database", "list").out())
        .containsPattern("database:\\s+defaultdb")
        .containsPattern("database:\\s+sales");
    assertThat(
            run("immuadmin", port, "user", "permission", "grant", "bob", "read", "sales").status())
        .isZero();
    assertThat(run("immuadmin", port, "user", "list").out())
        .containsPattern("permissions:\\s+defaultdb:read_write, sales:read");

    // bob can log in with immuclient and read sales; after deactivation he can't log in.
    assertThat(run("immuclient", port, "login", "bob", "--password", "B0b!passwd").status())
        .isZero();
    assertThat(run("immuclient", port, "use", "sales").status()).isZero();
    assertThat(run("immuclient", port, "set", "k", "v").err()).contains("PERMISSION_DENIED");
    assertThat(run("immuadmin", port, "user", "deactivate", "bob").status()).isZero();
    ToolRun refused = run("immuclient", port, "login", "bob", "--password", "B0b!passwd");
    assertThat(refused.status()).isEqualTo(1);
    assertThat(refused.err()).contains("user is not active");
    assertThat(run("immuadmin", port, "user", "activate", "bob").status()).isZero();
    assertThat(
            run("immuadmin", port, "user", "changepassword", "bob", "--new-password", "N3w!passwd")
                .status())
        .isZero();
    assertThat(run("immuclient", port, "login", "bob", "--password", "N3w!passwd").status())
        .isZero();

    assertThat(run("immuadmin", port, "database", "use", "sales").status()).isZero();
    assertThat(run("immuadmin", port, "database", "compact").out())
        .containsPattern("compacted:\\s+sales");
    ToolRun print = run("immuadmin", port, "print", "--output", "json");
    assertThat(print.out())
        .contains("\"database\":\"sales\",\"tx\":1")
        .contains("\"database\":\"defaultdb\"");
    assertThat(
            run("immuadmin", port, "user", "create", "bob", "read", "--password", "B0b!passwd")
                .err())
        .contains("user already exists (ALREADY_EXISTS)");
    assertThat(run("immuadmin", port, "logout").status()).isZero();
  }

  @Test
  void verifyChecksAStoppedServersDataAndFindsTampering() throws Exception {
    Path data = immudb.dir();
    ImmudbServer server = immudb.server();
    assertThat(run("immuadmin", server.port(), "login", "--password", "immudb").status()).isZero();
    assertThat(run("immuclient", server.port(), "login", "--password", "immudb").status()).isZero();
    for (int i = 0; i < 5; i++) {
      assertThat(run("immuclient", server.port(), "set", "key" + i, "value-" + i).status())
          .isZero();
    }
    ToolRun whileRunning = run("immuadmin", server.port(), "verify", data.toString());
    assertThat(whileRunning.status()).isEqualTo(1);
    assertThat(whileRunning.err()).contains("already open");
    immudb.stop();
    ToolRun ok = run("immuadmin", 1, "verify", data.toString());
    assertThat(ok.status()).as(ok.err()).isZero();
    assertThat(ok.out()).contains("OK: 6 transactions").containsPattern("database:\\s+systemdb");

    // Small values are stored inline in their tx record (on-disk format 2): damage the tx log.
    Path valueFile;
    try (var files = Files.list(data.resolve("defaultdb/tx"))) {
      valueFile = files.filter(Files::isRegularFile).sorted().findFirst().orElseThrow();
    }
    byte[] content = Files.readAllBytes(valueFile);
    int at = new String(content, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("value-3");
    assertThat(at).isPositive();
    try (RandomAccessFile f = new RandomAccessFile(valueFile.toFile(), "rw")) {
      f.seek(at);
      f.write('V');
    }
    ToolRun bad = run("immuadmin", 1, "verify", data.toString());
    assertThat(bad.status()).isEqualTo(3);
    assertThat(bad.out()).contains("FAILED").contains(valueFile.getFileName().toString());
  }

  @Test
  void verifyAlsoChecksTheV08Tree() throws Exception {
    Path data = tmp.resolve("legacy-data");
    try (io.immudb.embedded.database.Database db =
            io.immudb.embedded.database.Database.open(
                data.resolve("defaultdb"), io.immudb.embedded.store.StoreOptions.defaults());
        io.immudb.legacy.tree.LegacyLedger ledger = io.immudb.legacy.tree.LegacyLedger.open(db)) {
      for (int i = 0; i < 5; i++) {
        db.set(("key" + i).getBytes(), ("value-" + i).getBytes());
      }
      ledger.catchUp();
    }
    ToolRun ok = run("immuadmin", 1, "verify", data.toString());
    assertThat(ok.status()).as(ok.err()).isZero();
    assertThat(ok.out()).contains("(v0.8 tree)").contains("ok: 5 leaves of 5 txs");

    // Leaf 3 of the tree, damaged (its checksum then fails).
    try (RandomAccessFile f =
        new RandomAccessFile(data.resolve("defaultdb/legacy/nodes").toFile(), "rw")) {
      f.seek((2L * 3 - Long.bitCount(3)) * 36);
      f.write(0x55);
    }
    ToolRun bad = run("immuadmin", 1, "verify", data.toString());
    assertThat(bad.status()).isEqualTo(3);
    assertThat(bad.out()).contains("FAILED").contains("nodes");
  }
}
