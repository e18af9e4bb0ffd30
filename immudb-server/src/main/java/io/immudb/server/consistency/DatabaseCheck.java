package io.immudb.server.consistency;

import io.immudb.embedded.CorruptedDataException;
import io.immudb.embedded.database.Database;
import io.immudb.server.consistency.ConsistencyStatus.Corruption;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * The consistency checker's state for one database: how far the in-order check has come, the
 * counters, and the first corruption found.
 *
 * <p>Thread-safety: {@link #round} is called by the checker's one thread only; the getters ({@link
 * #status}) may be called from any thread and read volatile fields without locking.
 */
final class DatabaseCheck {
  private final Database db;
  private final RandomGenerator random;

  /** Every tx in (start, cursor] has been verified. Written by the checker thread only. */
  private volatile long cursor;

  private volatile long txsChecked;
  private volatile long samplesChecked;
  private volatile Corruption corruption;

  DatabaseCheck(Database db, RandomGenerator random) {
    this.db = db;
    this.random = random;
    this.cursor = db.lastTxId();
  }

  Database database() {
    return db;
  }

  /**
   * Verifies up to {@code txsPerRound} txs committed after the cursor, in order, then {@code
   * samplesPerRound} txs picked uniformly from {@code 1..cursor}, stopping early once {@code
   * bytesPerRound} bytes were read or {@code stop} says so.
   *
   * @param onFound told of a corruption before {@link #status} shows it, so that whoever sees the
   *     corruption in the status also sees what {@code onFound} did (the database read-only)
   * @return the corruption found by this round, if any
   * @throws RuntimeException of the database (closed, I/O error) other than corruption
   */
  Optional<Corruption> round(
      ConsistencyCheckOptions o, BooleanSupplier stop, Consumer<Corruption> onFound) {
    if (corruption != null) {
      return Optional.empty();
    }
    long last = db.lastTxId();
    long bytes = 0;
    long id = 0;
    try {
      for (int n = 0; n < o.txsPerRound() && cursor < last; n++) {
        if (bytes >= o.bytesPerRound() || stop.getAsBoolean()) {
          return Optional.empty();
        }
        id = cursor + 1;
        bytes += db.verifyTxInSequence(id);
        cursor = id;
        txsChecked++;
      }
      for (int n = 0; n < o.samplesPerRound() && cursor > 0; n++) {
        if (bytes >= o.bytesPerRound() || stop.getAsBoolean()) {
          return Optional.empty();
        }
        id = 1 + random.nextLong(cursor);
        bytes += db.verifyTx(id);
        samplesChecked++;
      }
    } catch (CorruptedDataException e) {
      Corruption c = new Corruption(id, e.location(), e.what());
      onFound.accept(c);
      corruption = c;
      return Optional.of(c);
    }
    return Optional.empty();
  }

  ConsistencyStatus status() {
    Corruption c = corruption;
    return new ConsistencyStatus(
        db.name(), cursor, txsChecked, samplesChecked, c == null ? 0 : 1, Optional.ofNullable(c));
  }

  long txsChecked() {
    return txsChecked;
  }

  long samplesChecked() {
    return samplesChecked;
  }

  boolean corrupted() {
    return corruption != null;
  }
}
