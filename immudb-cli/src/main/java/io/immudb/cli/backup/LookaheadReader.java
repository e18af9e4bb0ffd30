package io.immudb.cli.backup;

import io.immudb.core.kv.ExportedTx;
import java.util.NoSuchElementException;

/**
 * The iteration both file formats share: {@link #hasNext} reads (and checks) one tx ahead with
 * {@link #readTx}, until that reports the end of the file. Not thread-safe.
 */
abstract class LookaheadReader implements TxFileReader {
  private ExportedTx next;
  private boolean ended;

  /**
   * Reads and checks the next tx; at the trailer, checks it and the rest of the file and returns
   * null.
   *
   * @throws BackupFileException on anything the file does not prove
   */
  protected abstract ExportedTx readTx();

  @Override
  public final boolean hasNext() {
    if (next != null) {
      return true;
    }
    if (ended) {
      return false;
    }
    next = readTx();
    ended = next == null;
    return !ended;
  }

  @Override
  public final ExportedTx next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    ExportedTx t = next;
    next = null;
    return t;
  }
}
