package io.immudb.cli.backup;

/**
 * A backup or dump file that cannot be used: damaged (checksum, truncation, malformed record) or
 * holding a history that fails verification. The message names the byte offset where reading
 * stopped; restoring from such a file creates nothing.
 */
public final class BackupFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final long offset;

  public BackupFileException(long offset, String message) {
    super("at byte " + offset + ": " + message);
    this.offset = offset;
  }

  public BackupFileException(long offset, String message, Throwable cause) {
    super("at byte " + offset + ": " + message, cause);
    this.offset = offset;
  }

  /** Where in the file the problem was found. */
  public long offset() {
    return offset;
  }
}
