package io.immudb.cli.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.immudb.core.state.ImmuState;
import io.immudb.embedded.database.Database;
import io.immudb.embedded.store.StoreOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backup and dump file readers fed arbitrary bytes (issue 16, part 1). The input's first byte
 * chooses the reader as {@link TxFiles#open} does ({@code '{'}: the JSON-lines dump, {@code 'I'}:
 * the binary backup, from its magic), or, for {@code 'D'}, the binary backup's tx record decoder
 * behind its checksum ({@code BinaryBackup.decode}) on the bytes that follow. The reader is drained
 * to its end.
 *
 * <p>Property: every file is read to its trailer or refused with a {@link BackupFileException}
 * naming the offset; nothing else escapes (no JSON library exception, no index or arithmetic
 * error, no allocation a length field asks for but the file does not hold).
 */
class BackupFileFuzzTest {
  private static final Path SEEDS =
      Path.of("src/test/resources/io/immudb/cli/backup/BackupFileFuzzTestInputs/files");

  @FuzzTest(maxDuration = "3s")
  void files(byte[] data) {
    if (data.length == 0) {
      return;
    }
    try {
      read(data);
    } catch (BackupFileException expected) {
      // refused, with the offset
    }
  }

  /** Reads {@code data} to the end; the number of txs read. */
  static int read(byte[] data) {
    if (data[0] == 'D') {
      BinaryBackup.decode(Arrays.copyOfRange(data, 1, data.length), 0);
      return 1;
    }
    TxFileReader r;
    if (data[0] == '{') {
      r = new JsonDump.Reader(new ByteArrayInputStream(data));
    } else if (data[0] == BinaryBackup.MAGIC[0]) {
      r = new BinaryBackup.Reader(new ByteArrayInputStream(data), data.length);
    } else {
      return 0;
    }
    int n = 0;
    try (r) {
      while (r.hasNext()) {
        r.next();
        n++;
      }
    }
    return n;
  }

  /**
   * The seed corpus: a backup and a dump of a two-tx history, which read back whole. {@code
   * -Dimmudb.writeSeeds=true} writes them again from a fresh database.
   */
  @Test
  void seedsAreFilesThatReadBack(@TempDir Path tmp) throws Exception {
    if (Boolean.getBoolean("immudb.writeSeeds")) {
      writeSeeds(tmp.resolve("db"));
    }
    assertThat(read(Files.readAllBytes(SEEDS.resolve("seed-backup")))).isEqualTo(2);
    assertThat(read(Files.readAllBytes(SEEDS.resolve("seed-dump")))).isEqualTo(2);
  }

  private static void writeSeeds(Path dir) throws Exception {
    Files.createDirectories(SEEDS);
    try (Database db = Database.open(dir, StoreOptions.defaults())) {
      db.set("k".getBytes(StandardCharsets.UTF_8), "v".getBytes(StandardCharsets.UTF_8));
      db.set("k2".getBytes(StandardCharsets.UTF_8), "v2".getBytes(StandardCharsets.UTF_8));
      ImmuState end = db.currentState();
      byte[] record = BinaryBackup.encode(db.export(1));
      byte[] decodeSeed = new byte[record.length + 1];
      decodeSeed[0] = 'D';
      System.arraycopy(record, 0, decodeSeed, 1, record.length);
      Files.write(SEEDS.resolve("seed-tx-record"), decodeSeed);
      BackupHeader h =
          new BackupHeader(
              BackupHeader.BACKUP,
              1,
              end.db(),
              "fuzz-seed",
              "2026-01-01T00:00:00Z",
              end.txId(),
              end.txHash().toHex(),
              "fuzz");
      for (String kind : List.of("backup", "dump")) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BackupHeader hk =
            kind.equals("backup")
                ? h
                : new BackupHeader(
                    BackupHeader.DUMP,
                    1,
                    h.database(),
                    h.source(),
                    h.created(),
                    h.txId(),
                    h.txHash(),
                    h.tool());
        try (TxFileWriter w =
            kind.equals("backup") ? TxFiles.backupWriter(out, hk) : TxFiles.dumpWriter(out, hk)) {
          for (long tx = 1; tx <= end.txId(); tx++) {
            w.write(db.export(tx));
          }
          w.finish(end.txId(), end);
        }
        Files.write(SEEDS.resolve("seed-" + kind), out.toByteArray());
      }
    }
  }
}
