package io.immudb.embedded;

import io.immudb.core.ErrorCode;
import io.immudb.core.ImmuException;

/**
 * A replicated transaction (a restore replaying an exported history) does not fit the store: its
 * header is not the one the store would compute as its next transaction — a gap, a broken chain
 * link, another tree root or entries that hash differently. Nothing of that transaction was
 * written; the store stays usable.
 */
public final class ReplicationException extends ImmuException {
  private static final long serialVersionUID = 1L;

  public ReplicationException(String message) {
    super(ErrorCode.FAILED_PRECONDITION, message);
  }
}
