package io.immudb.embedded.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.immudb.embedded.store.StoreOptions;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfflineVerifierTest {
  @TempDir Path data;

  private void create(String name, String value) throws IOException {
    try (Database db =
        Database.open(data.resolve(name), StoreOptions.builder().synced(false).build())) {
      db.set("key".getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void everyDatabaseOfTheDirectoryIsVerifiedInNameOrder() throws IOException {
    create("zeta", "z");
    create("alpha", "a");
    Files.createDirectories(data.resolve("not-a-database"));
    assertThat(OfflineVerifier.verifyDataDir(data))
        .extracting(DatabaseVerdict::database, DatabaseVerdict::ok)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("alpha", true),
            org.assertj.core.groups.Tuple.tuple("zeta", true));
    assertThat(OfflineVerifier.verifyDataDir(data).get(0).summary())
        .startsWith("OK: 1 transactions");
  }

  @Test
  void aDamagedValueFailsItsDatabaseOnly() throws IOException {
    create("alpha", "a value to damage");
    create("beta", "b");
    // A small value is stored inline in its tx record (format 2), so it is damaged in the tx log.
    Path seg = data.resolve("alpha/tx/00000000.seg");
    byte[] bytes = Files.readAllBytes(seg);
    int at = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("damage");
    try (FileChannel ch = FileChannel.open(seg, StandardOpenOption.WRITE)) {
      ch.write(java.nio.ByteBuffer.wrap(new byte[] {(byte) (bytes[at] ^ 1)}), at);
    }
    var verdicts = OfflineVerifier.verifyDataDir(data);
    assertThat(verdicts.get(0).ok()).isFalse();
    assertThat(verdicts.get(0).summary()).contains("FAILED").contains("00000000.seg");
    assertThat(verdicts.get(1).ok()).isTrue();
  }

  @Test
  void aDatabaseThatIsOpenElsewhereIsRefused() throws IOException {
    create("alpha", "a");
    try (Database open =
        Database.open(data.resolve("alpha"), StoreOptions.builder().synced(false).build())) {
      assertThatThrownBy(() -> OfflineVerifier.verifyDataDir(data)).isInstanceOf(IOException.class);
    }
  }

  @Test
  void anEmptyDirectoryHasNoVerdicts() throws IOException {
    assertThat(OfflineVerifier.verifyDataDir(data)).isEmpty();
  }
}
