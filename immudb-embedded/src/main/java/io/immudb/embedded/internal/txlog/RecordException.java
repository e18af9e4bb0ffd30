package io.immudb.embedded.internal.txlog;

/**
 * A record failed its framing or checksum check. Checked, and local to the log layers: the store
 * turns it into a {@link io.immudb.embedded.CorruptedDataException} with the file and offset, or,
 * during recovery, into a cut of the torn tail.
 */
public final class RecordException extends Exception {
  private static final long serialVersionUID = 1L;

  public RecordException(String message) {
    super(message);
  }
}
