package io.immudb.embedded;

import io.immudb.core.ErrorCode;
import io.immudb.core.ImmuException;
import java.time.Duration;

/** A read waited for the index to reach a tx (sinceTx) longer than the timeout allows. */
public final class IndexTimeoutException extends ImmuException {
  private static final long serialVersionUID = 1L;
  private final long txId;
  private final long indexedTx;

  public IndexTimeoutException(long txId, long indexedTx, Duration timeout) {
    super(
        ErrorCode.DEADLINE_EXCEEDED,
        "the index did not reach tx "
            + txId
            + " within "
            + timeout.toMillis()
            + " ms (it is at tx "
            + indexedTx
            + ")");
    this.txId = txId;
    this.indexedTx = indexedTx;
  }

  public long txId() {
    return txId;
  }

  public long indexedTx() {
    return indexedTx;
  }
}
