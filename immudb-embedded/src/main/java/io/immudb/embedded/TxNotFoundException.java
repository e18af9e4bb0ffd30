package io.immudb.embedded;

import io.immudb.core.ErrorCode;
import io.immudb.core.ImmuException;

/** A transaction id beyond the last committed one. */
public final class TxNotFoundException extends ImmuException {
  private static final long serialVersionUID = 1L;
  private final long txId;
  private final long lastTxId;

  public TxNotFoundException(long txId, long lastTxId) {
    super(
        ErrorCode.NOT_FOUND, "tx not found: " + txId + " (last committed tx is " + lastTxId + ")");
    this.txId = txId;
    this.lastTxId = lastTxId;
  }

  public long txId() {
    return txId;
  }

  public long lastTxId() {
    return lastTxId;
  }
}
