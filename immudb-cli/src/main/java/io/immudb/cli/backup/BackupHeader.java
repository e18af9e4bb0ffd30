package io.immudb.cli.backup;

import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.state.ImmuState;
import java.util.Objects;

/**
 * What a backup or dump file holds: which database, from where and when, and the state its history
 * ends in. Written first in both formats (as JSON), and checked against the history when the file
 * is read. Immutable.
 *
 * @param format {@code immudb-backup} or {@code immudb-dump}
 * @param version the format version, 1
 * @param database the database the history was exported from
 * @param source the server it was exported from ({@code host:port})
 * @param created when the export started (ISO-8601 UTC)
 * @param txId the last tx of the history
 * @param txHash the Alh of that tx, hex
 * @param tool the program that wrote the file
 */
public record BackupHeader(
    String format,
    int version,
    String database,
    String source,
    String created,
    long txId,
    String txHash,
    String tool) {
  /** Format name of the binary backup file. */
  public static final String BACKUP = "immudb-backup";

  /** Format name of the JSON-lines dump file. */
  public static final String DUMP = "immudb-dump";

  public BackupHeader {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(txHash, "txHash");
  }

  /** The state the history ends in. */
  public ImmuState end() {
    return new ImmuState(database, txId, Sha256Digest.fromHex(txHash));
  }

  /**
   * Checks the fields a reader relies on.
   *
   * @throws BackupFileException naming the first bad field
   */
  void validate(String expectedFormat) {
    if (!expectedFormat.equals(format)) {
      throw new BackupFileException(0, "the header says format " + format);
    }
    if (version != 1) {
      throw new BackupFileException(0, "format version " + version + " is not supported (1 is)");
    }
    if (txId < 1) {
      throw new BackupFileException(0, "the header's txId must be 1 or more, got " + txId);
    }
    if (!txHash.matches("[0-9a-f]{64}")) {
      throw new BackupFileException(0, "the header's txHash is not 64 hex digits");
    }
  }
}
