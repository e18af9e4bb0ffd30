package io.immudb.embedded.database;

import io.immudb.embedded.CorruptedDataException;
import io.immudb.embedded.store.ImmuStore;
import io.immudb.embedded.store.StoreOptions;
import io.immudb.embedded.store.VerificationReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The full verification of the databases of a data directory that no process has open, as {@code
 * immuadmin verify} runs it on a stopped server's data: every value against its hash, every tx
 * against the Alh chain and the hash tree ({@link Database#verify()}). Which subdirectories hold a
 * database is the engine's business: callers need not know its file names.
 *
 * <p>Thread-safe (stateless); each call opens and closes the databases it verifies.
 */
public final class OfflineVerifier {
  private OfflineVerifier() {}

  /**
   * Verifies every database of {@code dataDir} (each subdirectory that holds one), in name order. A
   * database whose files already fail their checks when it is opened gets a failed verdict.
   *
   * @return one verdict per database; empty if {@code dataDir} holds none
   * @throws IOException if {@code dataDir} cannot be listed or a database cannot be opened, e.g.
   *     because a running server has it open
   */
  public static List<DatabaseVerdict> verifyDataDir(Path dataDir) throws IOException {
    List<Path> dbs;
    try (Stream<Path> s = Files.list(dataDir)) {
      dbs = s.filter(ImmuStore::exists).sorted().toList();
    }
    List<DatabaseVerdict> out = new ArrayList<>(dbs.size());
    for (Path db : dbs) {
      out.add(verify(db));
    }
    return out;
  }

  private static DatabaseVerdict verify(Path dir) throws IOException {
    String name = dir.getFileName().toString();
    try (Database d = Database.open(dir, StoreOptions.defaults())) {
      VerificationReport r = d.verify();
      return new DatabaseVerdict(name, r.ok(), r.toString());
    } catch (CorruptedDataException e) {
      return new DatabaseVerdict(name, false, "FAILED when opening: " + e.getMessage());
    }
  }
}
