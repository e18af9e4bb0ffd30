package io.immudb.embedded.database;

import java.util.Objects;

/**
 * The outcome of the offline verification of one database ({@link OfflineVerifier}). Thread-safe
 * (immutable).
 *
 * @param database the database's name (its directory's name)
 * @param ok whether every check passed
 * @param summary what was checked, or the first problem with its file and offset
 */
public record DatabaseVerdict(String database, boolean ok, String summary) {
  public DatabaseVerdict {
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(summary, "summary");
  }
}
