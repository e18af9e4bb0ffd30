package io.immudb.embedded;

import io.immudb.core.ErrorCode;
import io.immudb.core.ImmuException;

/**
 * A transaction read or wrote a key that a transaction committed after its snapshot changed (an
 * MVCC read conflict): nothing of it was written; the caller retries the whole transaction. The
 * message is immudb's text, {@value #TEXT}.
 */
public final class TxConflictException extends ImmuException {
  private static final long serialVersionUID = 1L;

  /** immudb's text for a read conflict. */
  public static final String TEXT = "tx read conflict";

  private final long snapshotTxId;
  private final long conflictingTxId;

  /** Requires {@code snapshotTxId < conflictingTxId}, or {@code conflictingTxId = 0} if unknown. */
  public TxConflictException(long snapshotTxId, long conflictingTxId) {
    super(ErrorCode.CONFLICT, TEXT);
    this.snapshotTxId = snapshotTxId;
    this.conflictingTxId = conflictingTxId;
  }

  /** The tx the failed transaction read at. */
  public long snapshotTxId() {
    return snapshotTxId;
  }

  /** The committed tx that changed what it read or wrote (0 = too old to tell). */
  public long conflictingTxId() {
    return conflictingTxId;
  }
}
